import Foundation

/// One page of one scope, as received: the raw body for the audit trail and its decoded form.
public struct ImportedNumbersPage: Sendable {
    /// The scope this page belongs to.
    public var query: ImportedNumbersQuery
    /// 1-based position within the scope.
    public var number: Int
    /// The token that asked for this page (`nil` for the first).
    public var pageToken: String?
    /// Path and query of the request, without credentials.
    public var requestTarget: String
    /// When the body was received.
    public var fetchedAt: Date
    /// The body exactly as received.
    public var body: [UInt8]
    /// The decoded body.
    public var response: ListImportedNumbersResponse

    package init(
        query: ImportedNumbersQuery, number: Int, pageToken: String?, requestTarget: String, fetchedAt: Date,
        body: [UInt8], response: ListImportedNumbersResponse
    ) {
        self.query = query
        self.number = number
        self.pageToken = pageToken
        self.requestTarget = requestTarget
        self.fetchedAt = fetchedAt
        self.body = body
        self.response = response
    }
}

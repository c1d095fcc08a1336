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
    public var body: [UInt8] {
        didSet { recordSpans = nil }  // they point into the body as received
    }
    /// The decoded body.
    public var response: ListImportedNumbersResponse {
        didSet { recordSpans = nil }  // they describe the response as decoded
    }
    /// Where the text fields of ``response``'s records stand in ``body``, when the decoder written for the
    /// schema read it; `nil` otherwise (or when ``response`` or ``body`` was changed after decoding).
    package var recordSpans: RecordSpans?

    package init(
        query: ImportedNumbersQuery, number: Int, pageToken: String?, requestTarget: String, fetchedAt: Date,
        body: [UInt8], response: ListImportedNumbersResponse, recordSpans: RecordSpans? = nil
    ) {
        self.recordSpans = recordSpans
        self.query = query
        self.number = number
        self.pageToken = pageToken
        self.requestTarget = requestTarget
        self.fetchedAt = fetchedAt
        self.body = body
        self.response = response
    }
}

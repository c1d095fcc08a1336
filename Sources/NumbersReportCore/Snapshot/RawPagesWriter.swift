import Foundation
import ReportWriters
import SinchImportedNumbers

/// `data/raw/pages.ndjson.gz`: every API page as received, one JSON object a line, with its scope,
/// page number, request (path and query, never credentials) and fetch time. The body is kept exactly as
/// received: as `body`, a JSON string of the text the server sent, when it is valid UTF-8 (readable with
/// `zcat | jq`); otherwise as `bodyBase64`, its bytes in Base64, since a JSON string cannot hold bytes that
/// are not UTF-8 (they would become U+FFFD, and `render` would rebuild other rows than the night's).
final class RawPagesWriter {
    static let keys = ["scope", "projectId", "servicePlanId", "campaignId", "page", "request", "fetchedAt", "body"]
    /// ``keys`` with the body in Base64, for bodies that are not UTF-8.
    static let base64Keys = Array(keys.dropLast()) + ["bodyBase64"]
    private let sink: any ByteSink
    private let encoder = NDJSONEncoder(keys: RawPagesWriter.keys)
    private let base64Encoder = NDJSONEncoder(keys: RawPagesWriter.base64Keys)
    private var buffer: [UInt8] = []

    init(file: any ByteSink, gzipLevel: Int32, members: GzipMembers) throws {
        sink = BackgroundSink(
            downstream: try GzipSink(downstream: file, level: gzipLevel, members: members), label: "raw-pages")
    }

    func append(_ page: ImportedNumbersPage, scopeIndex: Int) throws {
        let query = page.query
        let cells: [Cell] = [
            .integer(scopeIndex), .text(query.projectId), .text(query.servicePlanId), .text(query.campaignId),
            .integer(page.number), .text(page.requestTarget), .text(APITimestamp.format(page.fetchedAt)),
        ]
        if UTF8Validation.isValid(page.body) {
            encoder.appendRecord(cells, validUTF8LastText: page.body, to: &buffer)
        } else {
            base64Encoder.appendRecord(cells + [.text(Data(page.body).base64EncodedString())], to: &buffer)
        }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws { try sink.close() }

    /// One line read back.
    struct Line: Decodable {
        var scope: Int
        var page: Int
        var request: String
        var fetchedAt: String
        /// The body as text, when it was valid UTF-8.
        var body: String?
        /// The body's bytes in Base64, when they were not UTF-8.
        var bodyBase64: String?

        /// The bytes of the body, exactly as received.
        func bodyBytes() -> [UInt8]? {
            if let bodyBase64 { return Data(base64Encoded: bodyBase64).map { Array($0) } }
            return body.map { Array($0.utf8) }
        }
    }
}

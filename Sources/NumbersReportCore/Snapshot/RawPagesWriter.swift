import Foundation
import ReportWriters
import SinchImportedNumbers

/// `data/raw/pages.ndjson.gz`: every API page as received, one JSON object a line, with its scope,
/// page number, request (path and query, never credentials) and fetch time. The body is kept as a
/// string holding the exact text the server sent.
final class RawPagesWriter {
    static let keys = ["scope", "projectId", "servicePlanId", "campaignId", "page", "request", "fetchedAt", "body"]
    private let sink: any ByteSink
    private let encoder = NDJSONEncoder(keys: RawPagesWriter.keys)
    private var buffer: [UInt8] = []

    init(file: any ByteSink, gzipLevel: Int32) throws {
        sink = BackgroundSink(downstream: try GzipSink(downstream: file, level: gzipLevel), label: "raw-pages")
    }

    func append(_ page: ImportedNumbersPage, scopeIndex: Int) throws {
        let query = page.query
        encoder.appendRecord(
            [
                .integer(scopeIndex), .text(query.projectId), .text(query.servicePlanId), .text(query.campaignId),
                .integer(page.number), .text(page.requestTarget), .text(APITimestamp.format(page.fetchedAt)),
            ], lastText: page.body, to: &buffer)
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
        var body: String
    }
}

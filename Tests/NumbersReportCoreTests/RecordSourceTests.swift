import FakeSinchAPI
import Foundation
import Testing

@testable import NumbersReportCore
@testable import ReportWriters
@testable import SinchImportedNumbers

/// The row files (`numbers.csv`, `numbers.ndjson.gz`, the *Problems* sheet's rows) copy a plain text field's bytes
/// from the page (``RecordSource``) and make every other value as a cell: the bytes must be those of the rows written
/// from cells alone, on any page the fast decoder accepts.
@Suite("rows written from the page's bytes are the rows written from cells")
struct RecordSourceTests {
    /// `numbers.csv` and the decompressed `numbers.ndjson.gz` of a page's rows, written with its spans or without.
    static func written(_ body: [UInt8], fromPageBytes: Bool, excelSafe: Bool = true) throws -> Written {
        let decoded = try ListImportedNumbersResponse.decodeWithSpans(from: body)
        var page = ImportedNumbersPage(
            query: Fixtures.scope.query(pageSize: 1000), number: 1, pageToken: nil, requestTarget: "/",
            fetchedAt: Date(), body: body, response: decoded.response,
            recordSpans: fromPageBytes ? decoded.spans : nil)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let csv = MemorySink()
        let ndjson = MemorySink()
        var output = OutputSettings()
        output.csvExcelSafe = excelSafe
        let writer = try RowFilesWriter(csv: csv, ndjson: ndjson, output: output, problemSheetDirectory: directory)
        let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
        var sources = 0
        // As a run does: the records moved into their rows (with spans; without, the page is read as it is).
        try builder.forEachRow(takingFrom: &page, scope: Fixtures.scope) { row, source in
            if source != nil { sources += 1 }
            try writer.append(row, source: source)
        }
        try writer.finish()
        let problems = try #require(writer.problemRows)
        var problemRows: [UInt8] = []
        try problems.forEachChunk { problemRows.append(contentsOf: $0) }
        try Data(ndjson.bytes).write(to: URL(fileURLWithPath: directory + "/rows.ndjson.gz"))
        let reader = try GzipReader(path: directory + "/rows.ndjson.gz")
        var lines: [String] = []
        while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        return Written(
            csv: String(decoding: csv.bytes, as: UTF8.self).components(separatedBy: "\r\n"), ndjson: lines,
            problemRows: problemRows.split(separator: SheetRows.rowMarker).map { row in
                // The row number's placeholder as "#": a NUL would end the line where a failure is printed.
                String(decoding: row.map { $0 == SheetRows.numberPlaceholder ? UInt8(ascii: "#") : $0 }, as: UTF8.self)
            },
            sources: sources)
    }

    /// What ``written(_:fromPageBytes:excelSafe:)`` gives: each file's lines (rows for the *Problems* sheet).
    struct Written {
        var csv: [String]
        var ndjson: [String]
        var problemRows: [String]
        /// How many rows had the page's bytes.
        var sources: Int
    }

    /// Expects the same files both ways, line by line for a readable failure; returns how many rows took the
    /// page's bytes.
    @discardableResult
    static func expectSameBytes(_ body: [UInt8], excelSafe: Bool = true) throws -> Int {
        let fromBytes = try written(body, fromPageBytes: true, excelSafe: excelSafe)
        let fromCells = try written(body, fromPageBytes: false, excelSafe: excelSafe)
        #expect(fromCells.sources == 0)
        for (file, got, expected) in [
            ("numbers.csv", fromBytes.csv, fromCells.csv), ("numbers.ndjson.gz", fromBytes.ndjson, fromCells.ndjson),
            ("the Problems sheet", fromBytes.problemRows, fromCells.problemRows),
        ] {
            #expect(got.count == expected.count, "\(file): \(got.count) lines instead of \(expected.count)")
            if let line = zip(got, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("\(file), line \(line + 1): \(got[line])\ninstead of \(expected[line])")
            }
        }
        return fromBytes.sources
    }

    @Test(
        "the fake's data sets: every state, hostile text, unknown fields",
        arguments: [(1, true), (2, true), (3, false)]
            as [(UInt64, Bool)])
    func generated(seed: UInt64, excelSafe: Bool) throws {
        let body = FakeSinchAPI.pageBody(seed: seed, numbers: 400)
        let sources = try Self.expectSameBytes(body, excelSafe: excelSafe)
        #expect(sources > 400, "the rows did not take the page's bytes")
    }

    /// A record whose every text field is `value` (a JSON literal as it stands in the body).
    static func record(_ value: String) -> String { record { _ in value } }

    /// A record whose every text field holds `value(path)`, `path` being its place (`mnoConfiguration.smsAtt.state`).
    static func record(_ value: (String) -> String) -> String {
        func object(_ path: String, _ members: [String]) -> String {
            "{" + members.map { #""\#($0)":\#(value(path + $0))"# }.joined(separator: ",") + "}"
        }
        let carrier = ["state", "errorCode", "errorMessage", "updateTime", "operation"]
        let service = ["serviceType", "serviceId", "type", "state", "updateTime", "errorMessage", "errorCode"]
        let carriers = ["smsAtt", "smsTmo", "mmsAtt", "mmsTmo"].map {
            #""\#($0)":"# + object("mnoConfiguration.\($0).", carrier)
        }
        let scheduled = object("scheduledProvisioning.", ["servicePlanId", "campaignId", "lastUpdatedTime"])
        let members =
            ["phoneNumber", "projectId", "regionCode", "displayName", "callbackUrl"].map { #""\#($0)":\#(value($0))"# }
            + [
                #""smsConfiguration":{"servicePlanId":\#(value("smsConfiguration.servicePlanId")),"#
                    + #""campaignId":\#(value("smsConfiguration.campaignId")),"scheduledProvisioning":\#(scheduled)}"#,
                #""mnoConfiguration":{\#(carriers.joined(separator: ","))}"#,
                #""smsProvisioning":\#(object("smsProvisioning.", service))"#,
                #""campaignProvisioning":\#(object("campaignProvisioning.", service))"#,
            ]
        return "{" + members.joined(separator: ",") + "}"
    }

    /// Values that CSV quotes or guards, that JSON escapes, that are not strings, or that are missing.
    static let values = [
        #""plain""#, #""""#, #"" ""#, #""a,b""#, #"",""#, #""=1+2""#, #""+15551234567""#, #""+05551234567""#, #""+1""#,
        #""+1555123456789012""#, #""-3""#, #""<b>&amp;c""#, #"" lead""#, #""trail ""#, #""@sum""#, #""x=1""#,
        #""a\"b""#, #""a\\b""#, #""a\/b""#, #""\u0041""#,
        #""tab\there""#, #""line\nbreak""#, #""cr\rhere""#, "\"\u{7F}del\"", #""caf\u00e9""#, "\"café\"",
        "\"\u{2028}\"", "\"😀\"", "42", "-7", "null", "\"" + String(repeating: "x", count: 40_000) + "\"", #""~}|{""#,
        #""DONE""#, #""2026-11-29T02:00:00.000Z""#,
    ]

    @Test("every field holding each hard value, one record a value", arguments: values)
    func hardValue(value: String) throws {
        let body = Array(#"{"importedNumbers":[\#(Self.record(value)),\#(Self.record(#""plain""#))]}"#.utf8)
        guard
            (try? JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(body)))?.rejectedRecords.isEmpty
                == true
        else { return }  // a value no field may hold (a number where a string must be): not a row of this test
        #expect(try Self.expectSameBytes(body) == 2)
        #expect(try Self.expectSameBytes(body, excelSafe: false) == 2)
    }

    @Test("each field holding a value of its own: every column takes its own field's bytes")
    func fieldOfEachColumn() throws {
        let body = Array(#"{"importedNumbers":[\#(Self.record { #""\#($0)""# })]}"#.utf8)
        #expect(try Self.expectSameBytes(body) == 1)
        let row = try #require(try Self.written(body, fromPageBytes: true).ndjson.first)
        #expect(row.contains(#""sms_tmo_update_time":"mnoConfiguration.smsTmo.updateTime""#))
        #expect(row.contains(#""campaign_prov_service_id":"campaignProvisioning.serviceId""#))
    }

    @Test("fields missing, null, and objects null or empty")
    func missing() throws {
        let records = [
            "{}", #"{"phoneNumber":"+15551230000"}"#, #"{"mnoConfiguration":null,"smsConfiguration":{}}"#,
            #"{"mnoConfiguration":{"smsAtt":null,"smsTmo":{}},"smsProvisioning":{"state":"FAILED"}}"#,
            #"{"smsConfiguration":{"scheduledProvisioning":null},"campaignProvisioning":{"errorCode":17}}"#,
        ]
        let body = Array(#"{"importedNumbers":[\#(records.joined(separator: ","))]}"#.utf8)
        #expect(try Self.expectSameBytes(body) == records.count)
    }

    @Test("on 600 randomly damaged pages the fast decoder accepts, the same bytes", arguments: [21, 22] as [UInt64])
    func damaged(seed: UInt64) throws {
        let original = FakeSinchAPI.pageBody(seed: 1, numbers: 12, demoScopes: false)
        var generator = SeededRandomNumberGenerator(seed: seed)
        let replacements = Array("\"\\,=+-@ azAZ09\u{7F}".utf8) + [0xC3, 0xA9]
        var accepted = 0
        for _ in 0..<600 {
            var body = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                body[Int.random(in: 0..<body.count, using: &generator)] = replacements.randomElement(using: &generator)!
            }
            guard FastPageDecoder.decode(body) != nil else { continue }
            try Self.expectSameBytes(body)
            accepted += 1
        }
        #expect(accepted > 50)
    }

    @Test("a page whose response was changed after decoding is written from cells")
    func changedResponse() throws {
        let body = FakeSinchAPI.pageBody(seed: 1, numbers: 5, demoScopes: false)
        let decoded = try ListImportedNumbersResponse.decodeWithSpans(from: body)
        var page = ImportedNumbersPage(
            query: Fixtures.scope.query(pageSize: 1000), number: 1, pageToken: nil, requestTarget: "/",
            fetchedAt: Date(),
            body: body, response: decoded.response, recordSpans: decoded.spans)
        #expect(page.recordSpans != nil)
        page.response.importedNumbers[0].phoneNumber = "+15550000000"
        #expect(page.recordSpans == nil)
    }
}

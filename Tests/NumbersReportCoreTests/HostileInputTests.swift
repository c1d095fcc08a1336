import FakeSinchAPI
import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers
import Testing

/// Random and mutated pages through decoding, normalising and every writer.
@Suite("hostile input")
struct HostileInputTests {
    /// Replaces one random value somewhere in a JSON tree.
    static func mutate(_ value: Any, _ random: inout SeededRandomNumberGenerator, depth: Int = 0) -> Any {
        if var object = value as? [String: Any], !object.isEmpty, depth < 6, Int.random(in: 0..<4, using: &random) > 0 {
            let key = object.keys.sorted()[Int.random(in: 0..<object.count, using: &random)]
            object[key] = mutate(object[key]!, &random, depth: depth + 1)
            return object
        }
        if var array = value as? [Any], !array.isEmpty, depth < 6, Int.random(in: 0..<4, using: &random) > 0 {
            let index = Int.random(in: 0..<array.count, using: &random)
            array[index] = mutate(array[index], &random, depth: depth + 1)
            return array
        }
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return Int.random(in: Int.min...Int.max, using: &random)
        case 1: return 1.5e300
        case 2: return Bool.random(using: &random)
        case 3: return NSNull()
        case 4: return String(repeating: "𝒳<\"'&\u{0}\u{1B}\u{202E}", count: 20_000)
        case 5:
            var nested: Any = "bottom"
            for _ in 0..<200 { nested = [nested] }
            return nested
        case 6: return ["unexpected": ["object": [1, 2, 3]]]
        case 7: return "=cmd|' /C calc'!A0"
        case 8: return ["FAILED", "IN_PROGRESS", "NEW_STATE", ""][Int.random(in: 0..<4, using: &random)]
        default: return "\(Int.random(in: 0..<100_000, using: &random))"
        }
    }

    @Test("300 mutated pages: no crash; every record becomes a row (undecodable ones too); every output stays valid")
    func mutatedPages() async throws {
        var configuration = FakeSinchAPIConfiguration()
        configuration.referenceTime = Fixtures.clock
        let records =
            try JSONSerialization.jsonObject(
                with: FakeSinchAPI(configuration: configuration).recordsJSON(for: FakeScope.demo[0])) as! [Any]
        var random = SeededRandomNumberGenerator(seed: 20_261_129)
        let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
        let ndjson = NDJSONEncoder(keys: NumberRow.columnNames)
        let csv = CSVEncoder(excelSafe: true)
        var csvBytes: [UInt8] = CSVEncoder.byteOrderMark
        csv.appendHeader(NumberRow.columnNames, to: &csvBytes)
        var digest = ReportDigest(maxProblemRows: 200)
        var totalRows = 0
        var rejectedPages = 0
        for iteration in 0..<300 {
            let start = Int.random(in: 0..<(records.count - 10), using: &random)
            var page: [String: Any] = [
                "importedNumbers": Array(records[start..<(start + 10)]), "nextPageToken": "t", "totalSize": 120,
            ]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                page = Self.mutate(page, &random) as? [String: Any] ?? page
            }
            var bytes = [UInt8](try JSONSerialization.data(withJSONObject: page))
            switch iteration % 10 {
            case 7: bytes.insert(contentsOf: [0xFF, 0xC0, 0x80], at: Int.random(in: 0..<bytes.count, using: &random))
            case 8: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            default: break
            }
            let response: ListImportedNumbersResponse
            do {
                response = try JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(bytes))
            } catch is DecodingError {
                rejectedPages += 1  // the client reports such a page as an invalid response and retries it
                continue
            }
            let rows = builder.rows(
                of: ImportedNumbersPage(
                    query: Fixtures.scope.query(pageSize: 10), number: iteration + 1, pageToken: nil,
                    requestTarget: "/v1/…", fetchedAt: Fixtures.clock, body: bytes, response: response),
                scope: Fixtures.scope)
            if let sent = page["importedNumbers"] as? [Any], iteration % 10 < 7 {
                // Nothing vanishes: an undecodable record is a row too.
                #expect(rows.count == sent.count)
            }
            for row in rows {
                let cells = row.cells
                #expect(cells.count == NumberRow.columns.count)
                var line: [UInt8] = []
                ndjson.appendRecord(cells, to: &line)
                let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                #expect(object?.count == NumberRow.columns.count)
                csv.appendRecord(cells, to: &csvBytes)
                digest.add(row)
                totalRows += 1
            }
        }
        #expect(totalRows > 1000)
        #expect(rejectedPages > 10)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(csvBytes).write(to: URL(fileURLWithPath: directory + "/numbers.csv"))
        let counted = try await runTool([
            "python3", "-c",
            "import csv,sys; csv.field_size_limit(10**9); r=list(csv.reader(open(sys.argv[1],newline='',encoding='utf-8-sig'),strict=True)); print(len(r)-1, set(map(len,r)))",
            directory + "/numbers.csv",
        ])
        #expect(String(decoding: counted.output, as: UTF8.self) == "\(totalRows) {\(NumberRow.columns.count)}\n")
        var scope = ScopeResult(scope: Fixtures.scope)
        scope.rows = totalRows
        let html = try ReportDocument(digest: digest, context: ReportContext(clock: Fixtures.clock, scopes: [scope]))
            .render(template: .builtIn)
        try Data(html).write(to: URL(fileURLWithPath: directory + "/report.xhtml"))
        let validation = try await OutsideTools.validateXHTML(directory + "/report.xhtml")
        #expect(validation.valid, "\(validation.messages.prefix(2000))")
    }
}

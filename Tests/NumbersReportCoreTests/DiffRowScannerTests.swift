import FakeSinchAPI
import Foundation
import ReportWriters
import SinchImportedNumbers
import Testing

@testable import NumbersReportCore

@Suite("diff reads rows fast and exactly")
struct DiffRowScannerTests {
    @Test("the scanner reads every row of a run as JSONDecoder does, or leaves it to JSONDecoder")
    func parity() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let reader = try GzipReader(path: snapshot + "/data/numbers.ndjson.gz")
            var scanned = 0
            var lines = 0
            while let line = try reader.nextLine() {
                lines += 1
                let reference = try JSONDecoder().decode(DiffRow.self, from: Data(line))
                guard let fast = DiffRowScanner.scan(line) else { continue }
                scanned += 1
                #expect(fast.identity == reference.identity)
                #expect(fast.health == reference.health)
                #expect(fast.errorCodes == reference.errorCodes)
                #expect(fast.stateFingerprint == reference.stateFingerprint)
            }
            #expect(lines == 235)
            #expect(scanned > 200, "most rows have no escapes")
        }
    }

    @Test(
        "keys in another order (reversed, after an extra key, after a key that starts with the expected one) read alike"
    )
    func otherKeyOrder() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let reader = try GzipReader(path: snapshot + "/data/numbers.ndjson.gz")
            var scanned = [0, 0, 0]
            while let line = try reader.nextLine() {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
                let members = try NumberRow.columnNames.map { name in
                    let value = try JSONSerialization.data(
                        withJSONObject: object[name] ?? NSNull(), options: .fragmentsAllowed)
                    return "\"\(name)\":" + String(decoding: value, as: UTF8.self)
                }
                let reference = try JSONDecoder().decode(DiffRow.self, from: Data(line))
                // `"phone_number2"` where `"phone_number"` is expected, which comes last: only a whole key matches.
                let renamed =
                    ["\"\(NumberRow.columnNames[0])2\"" + members[0].drop { $0 != ":" }] + members.dropFirst()
                    + [members[0]]
                for (variant, reordered) in [Array(members.reversed()), [#""extra":1"#] + members, renamed].enumerated()
                {
                    guard let fast = DiffRowScanner.scan(Array("{\(reordered.joined(separator: ","))}".utf8)) else {
                        continue
                    }
                    scanned[variant] += 1
                    #expect(fast.identity == reference.identity)
                    #expect(fast.health == reference.health)
                    #expect(fast.errorCodes == reference.errorCodes)
                    #expect(fast.stateFingerprint == reference.stateFingerprint)
                }
            }
            #expect(scanned[0] > 200)
            #expect(scanned == [scanned[0], scanned[0], scanned[0]])
        }
    }

    @Test("tonight's comparison keys, taken from the rows as they are written, equal those read back from the file")
    func keysFromRows() async throws {
        try await RunHarness.with { harness in
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
            var rows: [NumberRow] = []
            for (index, scope) in FakeScope.demo.enumerated() {
                let body = Array(#"{"importedNumbers":"#.utf8) + Array(harness.fake.recordsJSON(for: scope)) + [125]
                let response = try ListImportedNumbersResponse.decode(from: body)
                rows += response.importedNumbers.map {
                    builder.row(for: $0, scope: harness.configuration.scopes[index])
                }
            }
            let writer = try RowFilesWriter(
                csv: try FileSink(path: directory + "/rows.csv", mode: 0o644),
                ndjson: try FileSink(path: directory + "/rows.ndjson.gz", mode: 0o644),
                output: harness.configuration.output)
            for row in rows { try writer.append(row) }
            try writer.finish()
            var readBack: [SnapshotDiff.RowKey] = []
            try SnapshotDiff.forEachRow(directory + "/rows.ndjson.gz") { row, _ in readBack.append(.init(row)) }
            #expect(rows.count == 235)
            #expect(readBack == rows.map { SnapshotDiff.RowKey(DiffRow($0, format: .current)) })
        }
    }
}

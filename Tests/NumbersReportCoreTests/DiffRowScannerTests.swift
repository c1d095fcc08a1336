import FakeSinchAPI
import Foundation
import ReportWriters
import SinchImportedNumbers
import Testing

@testable import NumbersReportCore

@Suite("diff reads rows fast and exactly")
struct DiffRowScannerTests {
    /// The lines of `numbers.ndjson.gz` of a demo night.
    private static func demoNightLines() async throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let reader = try GzipReader(path: snapshot + "/data/numbers.ndjson.gz")
            while let line = try reader.nextLine() { lines.append(line) }
        }
        return lines
    }

    /// A row's members (`"name":value`) in the order this tool writes its columns.
    private static func members(of object: [String: Any]) throws -> [String] {
        try NumberRow.columnNames.map { name in
            let value = try JSONSerialization.data(withJSONObject: object[name] ?? NSNull(), options: .fragmentsAllowed)
            return "\"\(name)\":" + String(decoding: value, as: UTF8.self)
        }
    }

    @Test("the scanner reads every row of a run as JSONDecoder does, or leaves it to JSONDecoder")
    func parity() async throws {
        var scanned = 0
        var lines = 0
        for line in try await Self.demoNightLines() {
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

    @Test(
        "keys in another order (reversed, after an extra key, after a key that starts with the expected one) read alike"
    )
    func otherKeyOrder() async throws {
        var scanned = [0, 0, 0]
        for line in try await Self.demoNightLines() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let members = try Self.members(of: object)
            let reference = try JSONDecoder().decode(DiffRow.self, from: Data(line))
            // `"phone_number2"` where `"phone_number"` is expected, which comes last: only a whole key matches.
            let renamed =
                ["\"\(NumberRow.columnNames[0])2\"" + members[0].drop { $0 != ":" }] + members.dropFirst()
                + [members[0]]
            for (variant, reordered) in [Array(members.reversed()), [#""extra":1"#] + members, renamed].enumerated() {
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
            try SnapshotDiff.forEachRow(directory + "/rows.ndjson.gz") { row, _ in
                readBack.append(row.key(format: .current))
            }
            #expect(rows.count == 235)
            #expect(readBack == rows.map { DiffRow($0, format: .current).key(format: .current) })
            // Kept and keyed from the rows' own texts, as the scopes do: the same as from their DiffRows.
            #expect(readBack == rows.map { $0.key(format: .current) })
            #expect(rows.contains { !DiffRow($0, format: .current).errorCodes.isEmpty })
            for format in [RowFormat.v1, .current] {
                for row in rows {
                    let reference = DiffRow(row, format: format)
                    var stored: [UInt8] = []
                    row.store(to: &stored, format: format)
                    var expected: [UInt8] = []
                    reference.store(to: &expected, format: format)
                    #expect(stored == expected)
                    #expect(row.key(format: format) == reference.key(format: format))
                }
            }
        }
    }

    /// What the comparison keeps of a row and keys it by: from the line's bytes when the scanner reads it, else
    /// from the ``DiffRow`` that `JSONDecoder` makes; `nil` when the scanner leaves the line to `JSONDecoder`.
    private static func keptFromBytes(_ line: [UInt8]) -> (key: SnapshotDiff.RowKey, stored: [UInt8])? {
        line.withUnsafeBufferPointer { bytes in
            DiffRowScanner.scan(bytes).map { scanned in
                var stored: [UInt8] = []
                scanned.store(to: &stored, format: .current)
                return (scanned.key(format: .current), stored)
            }
        }
    }

    private static func keptFromRow(_ line: [UInt8]) throws -> (key: SnapshotDiff.RowKey, stored: [UInt8]) {
        let row = try JSONDecoder().decode(DiffRow.self, from: Data(line))
        var stored: [UInt8] = []
        row.store(to: &stored, format: .current)
        return (row.key(format: .current), stored)
    }

    @Test("a row kept and keyed from its line's bytes is kept and keyed as the row JSONDecoder reads")
    func keptFromBytes() async throws {
        var scanned = 0
        var withCodes = 0
        for line in try await Self.demoNightLines() {
            let reference = try Self.keptFromRow(line)
            guard let fast = Self.keptFromBytes(line) else { continue }
            scanned += 1
            withCodes += try JSONDecoder().decode(DiffRow.self, from: Data(line)).errorCodes.isEmpty ? 0 : 1
            #expect(fast.key == reference.key)
            #expect(fast.stored == reference.stored)
            let row = try DiffRow(stored: fast.stored)
            #expect(row.key(format: .current) == reference.key)
        }
        #expect(scanned > 200)
        #expect(withCodes > 20, "rows with channel and scheduled codes are among them")
    }

    /// JSON texts of a column the scanner does not read: it skips them to their closing quote, the first one
    /// after an even number of backslashes; `nil` for one that does not end.
    static let skippedValues: [(json: String, ends: Bool)] = [
        (#""plain""#, true), (#""""#, true), (#""a\\""#, true), (#""a\"b""#, true), (#""a\\\"b""#, true),
        (#""\\\\""#, true), (#""\"\"\\""#, true), (#""héllo \u00e9 ☎""#, true), (#""a\"#, false),
        (#""a\\\""#, false), (#"["x\"y",1,null]"#, true),
    ]

    @Test("a value of a column not read is skipped to its real end", arguments: skippedValues)
    func skipsValues(value: (json: String, ends: Bool)) async throws {
        var compared = 0
        for line in try await Self.demoNightLines() where compared < 40 {
            guard Self.keptFromBytes(line) != nil else { continue }
            // After the first member, an extra one holding the value, and a last member after it.
            let text = String(decoding: line, as: UTF8.self)
            let comma = try #require(text.firstIndex(of: ","))
            let edited = Array(
                (text[..<comma] + #","extra":"# + value.json + text[comma...].dropLast() + #","more":1}"#).utf8)
            compared += 1
            guard value.ends else {
                #expect(Self.keptFromBytes(edited) == nil)
                continue
            }
            let fast = try #require(Self.keptFromBytes(edited))
            let reference = try Self.keptFromRow(edited)
            #expect(fast.key == reference.key)
            #expect(fast.stored == reference.stored)
        }
        #expect(compared == 40)
    }

    @Test("scheduled codes (texts and integers) and empty channel codes are kept and keyed as JSONDecoder reads them")
    func scheduledCodes() async throws {
        var compared = 0
        for line in try await Self.demoNightLines() where compared < 20 {
            guard Self.keptFromBytes(line) != nil else { continue }
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            for (variant, codes) in [[], [1], ["X2", -3, 40_001, "é"], [0]].enumerated() {
                object[NumberRow.schedErrorCodes.name] = codes
                object[ProvisioningChannel.smsAtt.errorCodeColumn] = variant % 2 == 0 ? "" : "4021"
                object[ProvisioningChannel.campaignProvisioning.errorCodeColumn] = variant == 2 ? "77" : NSNull()
                // In the tool's order, as it writes them: the scanner's fast way.
                let members = try Self.members(of: object)
                let edited = Array("{\(members.joined(separator: ","))}".utf8)
                let fast = try #require(Self.keptFromBytes(edited))
                let reference = try Self.keptFromRow(edited)
                #expect(fast.key == reference.key)
                #expect(fast.stored == reference.stored)
            }
            compared += 1
        }
        #expect(compared == 20)
    }
}

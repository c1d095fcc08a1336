import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers
import Testing

@Suite("row format v2, and v1 snapshots still read")
struct RowFormatTests {
    /// A demo snapshot made by 8553d12 (row format v1), trimmed: see its README.md.
    static let v1Snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/v1-snapshot-8553d12").path

    /// The SHA-256 of each payload file as the original manifest lists it.
    static func manifest(_ snapshot: String) throws -> [String: String] {
        let text = try String(contentsOfFile: snapshot + "/manifest-sha256.txt", encoding: .utf8)
        var digests: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            digests[parts[1].trimmingCharacters(in: .whitespaces)] = parts[0]
        }
        return digests
    }

    @Test("render of a v1 snapshot made by 8553d12 reproduces its rows, raw pages and data package byte for byte")
    func renderV1() throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let rebuilt = try SnapshotRender(snapshot: Self.v1Snapshot, outputDirectory: output).render()
        let original = try Self.manifest(Self.v1Snapshot)
        let now = try Self.manifest(rebuilt)
        for file in ["data/numbers.csv", "data/numbers.ndjson.gz", "data/raw/pages.ndjson.gz", "data/datapackage.json"]
        {
            #expect(original[file] != nil)
            #expect(now[file] == original[file], "\(file)")
        }
        let bagInfo = try String(contentsOfFile: rebuilt + "/bag-info.txt", encoding: .utf8)
        #expect(!bagInfo.contains("Row-Format-Version"))
    }

    @Test("a new snapshot is v2: header, data package and bag-info say so, and render reproduces it")
    func v2Snapshot() async throws {
        try await RunHarness.with { harness in
            let outcome = try await harness.run()
            let snapshot = try #require(outcome.snapshotPath)
            let records = try await csvRecords(snapshot + "/data/numbers.csv")
            #expect(
                Array(records[0].prefix(5)) == [
                    "phone_number", "health", "sms_ready", "health_reasons", "pending_since",
                ])
            #expect(records[0].count == 57)
            #expect(records[0] == NumberRow.columnNames)
            let package =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/datapackage.json"))) as? [String: Any]
            #expect(package?["rowFormatVersion"] as? Int == 2)
            let resource = (package?["resources"] as? [[String: Any]])?.first
            let fields = (resource?["schema"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []
            #expect(fields.count == 57)
            #expect(fields.allSatisfy { !(($0["description"] as? String) ?? "").isEmpty })
            #expect(fields.first { $0["name"] as? String == "sms_ready" }?["type"] as? String == "boolean")
            #expect(fields.first { $0["name"] as? String == "snapshot_time" }?["type"] as? String == "datetime")
            let bagInfo = try String(contentsOfFile: snapshot + "/bag-info.txt", encoding: .utf8)
            #expect(bagInfo.contains("Row-Format-Version: 2\n"))
            // HEALTHY is never given to a number that cannot send.
            let health = try #require(records[0].firstIndex(of: "health"))
            let ready = try #require(records[0].firstIndex(of: "sms_ready"))
            let healthy = records.dropFirst().filter { $0[health] == "HEALTHY" }
            #expect(!healthy.isEmpty)
            #expect(healthy.allSatisfy { $0[ready] == "true" })
            let output = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: output) }
            try expectRenderReproduces(snapshot, into: output)
        }
    }

    @Test("diff between the v1 night made by 8553d12 and tonight's v2 demo night of the same data reads both")
    func diffV1toV2() async throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let demo = try await ToolProcess.run(["demo", "--output", output, "--now", "2026-11-29T02:00:00Z"])
        #expect(demo.status == 0, "\(demo.standardError)")
        let v2 = output + "/2026-11-29T020000Z"
        let changes = try SnapshotDiff(oldSnapshot: Self.v1Snapshot, newSnapshot: v2).allChanges()
        // The same numbers both nights: nothing added or removed, only verdicts changed by the v2 rules and data.
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.kind != .added && $0.kind != .removed })
        #expect(changes.contains { $0.newHealth == .review })
        let tool = try await ToolProcess.run(["diff", Self.v1Snapshot, v2])
        #expect(tool.status == 0, "\(tool.standardError)")
        #expect(tool.standardOutput.contains("REVIEW"))
    }

    @Test("a list item holding ';' or '\\' is escaped in CSV and splits back exactly")
    func listEscaping() {
        var encoder = CSVEncoder(excelSafe: false)
        encoder.escapesListItems = true
        var bytes: [UInt8] = []
        let items = ["a;b", "c\\d", "e"]
        encoder.appendRecord([.list(items.map(Cell.text))], to: &bytes)
        let cell = String(decoding: bytes.dropLast(2), as: UTF8.self)
        #expect(cell == "a\\;b;c\\\\d;e")
        // Split back: a backslash escapes the next character; an unescaped ';' separates.
        var split: [String] = [""]
        var escaped = false
        for character in cell {
            if escaped {
                split[split.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ";" {
                split.append("")
            } else {
                split[split.count - 1].append(character)
            }
        }
        #expect(split == items)
    }
}

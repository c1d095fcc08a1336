import Foundation
import Testing

/// The night's files for the same pages and clock, byte for byte: refactoring the pipeline (issue 12)
/// must not change one byte of what auditors and analysts get. Digests by `sha256sum`; the demo is the
/// embedded config against the built-in fake API.
///
/// When an output is changed on purpose (a format version, a new report section, the tool version in the
/// report's footer), the digests below change with it in the same commit, and the commit says why.
@Suite("golden outputs: the demo night, byte for byte")
struct GoldenOutputTests {
    /// Last changed on purpose by issue 13, part 2: row format v2 (57 columns, `sms_ready`, `record_project_id`,
    /// `record_error`), health rules v2 (REVIEW), and the fake's new cases (string scheduled statuses, failure
    /// codes, a foreign campaign serviceId); report.xhtml again by issue 14 (the headline: what cannot send, the
    /// levels with their changes, completeness; what to do, by cause; bars drawn as table cells; a code with its
    /// message; changed numbers under their scope's label); numbers.ndjson.gz again by issue 16 (gzip members of 1 MiB
    /// deflated by libdeflate instead of one zlib stream a scope: the same NDJSON, ``expectedInflated``).
    static let expected = [
        "numbers.csv": "b9adc50ee8fc93e2b609db7d84db02eee01dbd0fed95a9fed0f0566252e94886",
        "numbers.ndjson.gz": "4d60f88338de02526530f6fc37b8e948dc402cfe7caf6c3b27b06517ede0c0c3",
        "report.xhtml": "40b3d62e75c8fd5fdab2eede33055ebdf8a2658b70f67618bd134d84594877cf",
    ]
    /// The rows as `zcat` inflates them: unchanged since issue 13, part 2, whatever deflated them. (The raw pages are
    /// not here: they hold the time each page was fetched.)
    static let expectedInflated = [
        "numbers.ndjson.gz": "dc9a660dd1a0e55cbdc7f1046fada2690488f1e383261da77d77b05e44be54bb"
    ]

    @Test("numbers.csv, numbers.ndjson.gz and report.xhtml of the demo at 2026-11-29T02:00:00Z")
    func demoNight() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await ToolProcess.run(["demo", "--output", directory, "--now", "2026-11-29T02:00:00Z"])
        #expect(result.status == 0, "\(result.standardError)")
        let snapshot = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        for (file, digest) in Self.expected.sorted(by: { $0.key < $1.key }) {
            let output = try await runTool(["sha256sum", snapshot + "/data/" + file]).output
            #expect(String(decoding: output, as: UTF8.self).hasPrefix(digest + " "), "\(file) changed")
        }
        for (file, digest) in Self.expectedInflated.sorted(by: { $0.key < $1.key }) {
            let path = snapshot + "/data/" + file
            let output = try await runTool(["sh", "-c", "zcat \"$1\" | sha256sum", "sh", path]).output
            #expect(String(decoding: output, as: UTF8.self).hasPrefix(digest + " "), "\(file) inflated changed")
        }
    }
}

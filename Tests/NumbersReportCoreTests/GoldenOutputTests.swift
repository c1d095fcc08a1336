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
    /// Last changed on purpose by issue 13 (ids compared case-insensitively without dashes): two demo numbers
    /// whose campaign id the fake writes in lower case are no longer MISCONFIGURED.
    static let expected = [
        "numbers.csv": "32e7bdd06dd190d6e2a6a022f919cf0be3b039aae8dcdc219c6258b5785c2843",
        "numbers.ndjson.gz": "88a06374bb1212c8e052a718b401d99f5b2dd3a4e67976d9c4cdd76cd6b3575f",
        "report.xhtml": "388209b6d7151568135dc26e0ecd956094e6af7c3c675d83116174f44b46bedc",
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
    }
}

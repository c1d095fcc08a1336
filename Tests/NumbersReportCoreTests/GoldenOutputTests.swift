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
    static let expected = [
        "numbers.csv": "8ce20a15febcafd3da6e456a5f25b43a8d0be2922a7a3975095046dbf4055d21",
        "numbers.ndjson.gz": "e1ec2c55e690b36c73726f9ddbfcd1e0294ed52614ec742bce0b3e07b9d9a4ef",
        "report.xhtml": "991140b0f661d27e670bc40ffd44231a6d209980f2220084bd2a5d11c9fb69c7",
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

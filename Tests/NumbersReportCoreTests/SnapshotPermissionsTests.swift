import Foundation
import NumbersReportCore
import Testing

/// A snapshot holds phone numbers, display names and callback URLs: no other user of the machine may read it.
@Suite("snapshots are private by default")
struct SnapshotPermissionsTests {
    /// Every file and directory under `path` (itself included) with its permission bits.
    private func modes(under path: String) throws -> [(path: String, mode: Int, directory: Bool)] {
        var found: [(String, Int, Bool)] = []
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        found.append((path, (attributes[.posixPermissions] as? Int) ?? -1, true))
        let enumerator = try #require(FileManager.default.enumerator(atPath: path))
        for case let relative as String in enumerator {
            let full = path + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            found.append(
                (
                    full, (attributes[.posixPermissions] as? Int) ?? -1,
                    attributes[.type] as? FileAttributeType == .typeDirectory
                ))
        }
        return found
    }

    @Test("nothing of a snapshot, nor the output directory the run creates, is readable by others: 0640 and 0750")
    func privateByDefault() async throws {
        try await RunHarness.with { harness in
            // An output directory the run must create (and its parent), as on a first night.
            let output = harness.outputDirectory + "/var/reports"
            let snapshot = try #require(try await harness.run(into: output).snapshotPath)
            #expect(snapshot.hasPrefix(output + "/"))
            let entries = try modes(under: harness.outputDirectory + "/var")
            #expect(entries.count > 10)
            for entry in entries {
                #expect(entry.mode & 0o007 == 0, "\(entry.path): \(String(entry.mode, radix: 8))")
                #expect(
                    entry.mode == (entry.directory ? 0o750 : 0o640), "\(entry.path): \(String(entry.mode, radix: 8))")
            }
        }
    }

    @Test("output.fileMode and output.directoryMode: as configured; a mode the owner cannot write is refused")
    func configured() async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.fileMode = 0o600
            harness.configuration.output.directoryMode = 0o700
            let output = harness.outputDirectory + "/reports"
            _ = try #require(try await harness.run(into: output).snapshotPath)
            for entry in try modes(under: output) {
                #expect(
                    entry.mode == (entry.directory ? 0o700 : 0o600), "\(entry.path): \(String(entry.mode, radix: 8))")
            }
        }
        let yaml = """
            scopes: [{ projectId: p, servicePlanId: s, campaignId: c }]
            output: { fileMode: "0640", directoryMode: "0750" }
            """
        let parsed = try ReportConfiguration.parse(yaml: yaml, file: "modes.yaml", relativeTo: "/")
        #expect(parsed.output.fileMode == 0o640 && parsed.output.directoryMode == 0o750)
        #expect {
            try ReportConfiguration.parse(
                yaml: yaml.replacingOccurrences(of: "\"0640\"", with: "\"0440\""), file: "modes.yaml", relativeTo: "/")
        } throws: { "\($0)".contains("output.fileMode") && "\($0)".contains("0440") }
    }
}

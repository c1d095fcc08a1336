import Foundation
import NumbersReportCore
import Testing

/// One version, from one place: what `--version` prints is what every snapshot's `bag-info.txt` records.
@Suite("the tool's version")
struct VersionTests {
    @Test("numbers-report --version prints ToolVersion.current; bag-info.txt names the same")
    func oneVersion() async throws {
        let printed = try await ToolProcess.run(["--version"])
        #expect(printed.status == 0, "\(printed.standardError)")
        #expect(printed.standardOutput == ToolVersion.current + "\n")
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let bagInfo = try String(contentsOfFile: snapshot + "/bag-info.txt", encoding: .utf8)
            #expect(bagInfo.contains("numbers-report \(ToolVersion.current)"), "\(bagInfo)")
        }
    }
}

import FakeSinchAPI
import Foundation
import NumbersReportCore
import Logging
import Testing

@Suite("a run killed with SIGKILL")
struct CrashSafetyTests {
    @Test("leaves no snapshot in view, and the next run cleans up and publishes normally")
    func killedMidFetch() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/reports"
        let config = directory + "/nightly.yaml"
        let fake = try await FakeSinchAPI.startSlow(writingConfigTo: config)
        defer { Task { await fake.stop() } }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: ToolProcess.executable)
        process.arguments = ["run", "--config", config, "--output", output, "--now", "2026-11-29T02:00:00Z"]
        process.environment = ["SINCH_KEY_ID": "demo-key-id", "SINCH_KEY_SECRET": "demo-key-secret"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until it is mid-fetch: its partial directory exists and pages are arriving.
        var entries: [String] = []
        for _ in 0..<100 where process.isRunning {
            try await Task.sleep(for: .milliseconds(50))
            entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
            if !entries.isEmpty, fake.statistics.pagesServed >= 3 { break }
        }
        #expect(process.isRunning, "the run ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        entries = try FileManager.default.contentsOfDirectory(atPath: output)
        // Its partial directory, and the lock file it could not remove (the kernel released the lock).
        #expect(entries.filter { $0.hasPrefix(".partial-") }.count == 1, "\(entries)")
        #expect(entries.filter { !$0.hasPrefix(".partial-") } == [".lock"], "\(entries)")
        #expect(SnapshotArchive(directory: output).snapshotNames().isEmpty)

        var configuration = try ReportConfiguration.load(path: config)
        configuration.output.directory = output
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let outcome = try await ReportRun(
            configuration: configuration, credentials: .init(keyID: "demo-key-id", keySecret: "demo-key-secret"),
            clock: Fixtures.clock, logger: logger
        ).run()
        #expect(outcome.exitCode == .complete)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["2026-11-29T020000Z"])
        #expect(BagVerifier().verify(snapshot: try #require(outcome.snapshotPath)).isEmpty)
    }
}

import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// systemd stops a unit with SIGTERM; an operator presses Ctrl-C. Either way the run stops cleanly.
@Suite("a run stopped with SIGTERM or SIGINT")
struct StopSignalTests {
    @Test(
        "stops mid-fetch: partial removed, nothing published, a log line, the metrics, exit 128 + signal",
        arguments: [(SIGTERM, "SIGTERM", Int32(143)), (SIGINT, "SIGINT", Int32(130))])
    func stoppedMidFetch(signal: Int32, name: String, exitCode: Int32) async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/reports"
        let config = directory + "/nightly.yaml"
        let metrics = directory + "/numbers_report.prom"
        let fake = try await FakeSinchAPI.startSlow(writingConfigTo: config)
        _ = FileManager.default.createFile(atPath: directory + "/err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ToolProcess.executable)
        process.arguments = [
            "run", "--config", config, "--output", output, "--now", "2026-11-29T02:00:00Z", "--metrics-file", metrics,
        ]
        process.environment = ToolProcess.demoCredentials.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        process.standardError = FileHandle(forWritingAtPath: directory + "/err")
        process.standardOutput = FileHandle.nullDevice
        let exited = AsyncStream<Void> { continuation in process.terminationHandler = { _ in continuation.finish() } }
        try process.run()
        for _ in 0..<200 where process.isRunning {
            try await Task.sleep(for: .milliseconds(50))
            if fake.statistics.pagesServed >= 3 { break }
        }
        #expect(process.isRunning, "the run ended before it could be stopped")
        kill(process.processIdentifier, signal)
        for await _ in exited {}
        await fake.stop()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == exitCode)
        let entries = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(!entries.contains { $0.hasPrefix(".partial-") }, "\(entries)")
        #expect(SnapshotArchive(directory: output).snapshotNames().isEmpty)
        let errors = try String(contentsOfFile: directory + "/err", encoding: .utf8)
        #expect(
            errors.contains("stopped by \(name) before publishing: the partial snapshot was removed"), "\(errors)")
        let text = try String(contentsOfFile: metrics, encoding: .utf8)
        let code = text.split(separator: "\n").first { $0.hasPrefix("numbers_report_last_run_exit_code ") }
            .flatMap { Double($0.split(separator: " ")[1]) }
        #expect(code == Double(exitCode), "\(text)")
        #expect(!text.contains("numbers_report_last_success_timestamp_seconds"))
    }
}

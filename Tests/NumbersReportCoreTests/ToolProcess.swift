import Foundation

/// The `numbers-report` executable built beside the test bundle, run as a user would.
enum ToolProcess {
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "numbers-report"
        ).path
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs the tool with `arguments` and the given environment (nothing else of the test's), its
    /// standard output and error captured through files (no pipe to fill up). Waits without blocking a
    /// thread of the concurrency pool, which the in-process fake API needs to answer.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], executable: String = executable
    ) async throws -> Result {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = FileManager.default.createFile(atPath: directory + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: directory + "/err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // No terminal of the test's: the tool sees pipes and files, as under cron or systemd.
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        process.standardOutput = FileHandle(forWritingAtPath: directory + "/out")
        process.standardError = FileHandle(forWritingAtPath: directory + "/err")
        let exited = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.finish() }
        }
        try process.run()
        for await _ in exited {}
        return Result(
            status: process.terminationStatus,
            standardOutput: try String(contentsOfFile: directory + "/out", encoding: .utf8),
            standardError: try String(contentsOfFile: directory + "/err", encoding: .utf8))
    }

    /// Runs a program of the system (found on PATH) the same way.
    static func runSystem(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try await run(arguments, environment: environment, executable: "/usr/bin/env")
    }

    /// The demo credentials the fake API accepts.
    static let demoCredentials = ["SINCH_KEY_ID": "demo-key-id", "SINCH_KEY_SECRET": "demo-key-secret"]
}

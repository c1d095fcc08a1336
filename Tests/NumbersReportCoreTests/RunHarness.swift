import FakeSinchAPI
import Foundation
import Logging
import NumbersReportCore
import SinchImportedNumbers
import Testing

/// A fake API on loopback and a config pointing at it: the real pipeline over real HTTP and files.
struct RunHarness {
    let fake: FakeSinchAPI
    var configuration: ReportConfiguration
    var credentials: Credentials
    let outputDirectory: String

    static func start(
        scopes: [FakeScope] = FakeScope.demo, pageSizeCap: Int = 250, pageSize: Int = 50,
        change: (inout FakeSinchAPIConfiguration) -> Void = { _ in }
    ) async throws -> RunHarness {
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.scopes = scopes
        fakeConfiguration.referenceTime = Fixtures.clock
        fakeConfiguration.pageSizeCap = pageSizeCap
        change(&fakeConfiguration)
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        var configuration = ReportConfiguration(
            scopes: scopes.enumerated().map { index, scope in
                ScopeSettings(
                    projectId: scope.projectId, servicePlanId: scope.servicePlanId, campaignId: scope.campaignId,
                    label: "Scope \(index)")
            })
        configuration.api.baseURL = fake.baseURL
        configuration.api.tokenURL = fake.tokenURL
        configuration.api.pageSize = pageSize
        configuration.api.maxAttempts = 2
        let outputDirectory = try Fixtures.temporaryDirectory()
        configuration.output.directory = outputDirectory
        return RunHarness(
            fake: fake, configuration: configuration,
            credentials: Credentials(keyID: fakeConfiguration.keyID, keySecret: fakeConfiguration.keySecret),
            outputDirectory: outputDirectory)
    }

    /// Starts a harness, runs `body` with it and always stops it (fake and files).
    static func with<Result>(
        scopes: [FakeScope] = FakeScope.demo, pageSizeCap: Int = 250, pageSize: Int = 50,
        change: (inout FakeSinchAPIConfiguration) -> Void = { _ in },
        _ body: (inout RunHarness) async throws -> Result
    ) async throws -> Result {
        var harness = try await start(scopes: scopes, pageSizeCap: pageSizeCap, pageSize: pageSize, change: change)
        do {
            let result = try await body(&harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    func run(clock: Date = Fixtures.clock, into directory: String? = nil) async throws -> RunOutcome {
        var configuration = configuration
        if let directory { configuration.output.directory = directory }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try await ReportRun(configuration: configuration, credentials: credentials, clock: clock, logger: logger)
            .run()
    }

    func stop() async {
        await fake.stop()
        try? FileManager.default.removeItem(atPath: outputDirectory)
    }

    /// Entries of the output directory, hidden ones included.
    func outputEntries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: outputDirectory).sorted()
    }
}

/// A fake API on loopback, a config file pointing at it and an output directory, for driving the
/// executable as an operator would.
struct ToolSetup {
    let fake: FakeSinchAPI
    let directory: String
    var config: String { directory + "/nightly.yaml" }
    var output: String { directory + "/reports" }

    static func with<Result>(
        change: (inout FakeSinchAPIConfiguration) -> Void = { _ in },
        editConfig: (String) -> String = { $0 },
        _ body: (ToolSetup) async throws -> Result
    ) async throws -> Result {
        var configuration = FakeSinchAPIConfiguration()
        configuration.referenceTime = Fixtures.clock
        change(&configuration)
        let fake = FakeSinchAPI(configuration: configuration)
        try await fake.start()
        let setup = ToolSetup(fake: fake, directory: try Fixtures.temporaryDirectory())
        do {
            try fake.writeDemoConfiguration(to: setup.config, change: editConfig)
            let result = try await body(setup)
            await fake.stop()
            try? FileManager.default.removeItem(atPath: setup.directory)
            return result
        } catch {
            await fake.stop()
            try? FileManager.default.removeItem(atPath: setup.directory)
            throw error
        }
    }

    func run(
        _ arguments: [String], environment: [String: String] = ToolProcess.demoCredentials
    ) async throws
        -> ToolProcess.Result
    {
        try await ToolProcess.run(arguments, environment: environment)
    }
}

extension FakeSinchAPI {
    /// A started fake that pages slowly (10 numbers a page, 100 ms each), and its demo config with
    /// `pageSize: 10` at `config`: a run against it is still fetching when a test stops or kills it.
    static func startSlow(writingConfigTo config: String) async throws -> FakeSinchAPI {
        var configuration = FakeSinchAPIConfiguration()
        configuration.referenceTime = Fixtures.clock
        configuration.pageSizeCap = 10
        configuration.latency = .milliseconds(100)
        let fake = FakeSinchAPI(configuration: configuration)
        try await fake.start()
        try fake.writeDemoConfiguration(to: config) {
            $0.replacingOccurrences(of: "pageSize: 50", with: "pageSize: 10")
        }
        return fake
    }

    /// Writes the demo config pointed at this fake to `path`, with `change` applied to its text.
    func writeDemoConfiguration(to path: String, change: (String) -> String = { $0 }) throws {
        try change(
            DemoConfiguration.yaml
                .replacingOccurrences(of: "http://127.0.0.1:8080/oauth2/token", with: tokenURL)
                .replacingOccurrences(of: "http://127.0.0.1:8080", with: baseURL)
        ).write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Renders `snapshot` into `directory` and expects the row files, the raw pages and the data package to
/// come out byte for byte the same; returns the rebuilt snapshot.
@discardableResult
func expectRenderReproduces(
    _ snapshot: String, into directory: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> String {
    let rebuilt = try SnapshotRender(snapshot: snapshot, outputDirectory: directory).render()
    for file in ["numbers.csv", "numbers.ndjson.gz", "raw/pages.ndjson.gz", "datapackage.json"] {
        let left = try Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/" + file))
        let right = try Data(contentsOf: URL(fileURLWithPath: rebuilt + "/data/" + file))
        #expect(left == right, "\(file)", sourceLocation: sourceLocation)
    }
    return rebuilt
}

/// The records of a CSV file as Python's `csv` module reads them (strict, BOM dropped).
func csvRecords(_ path: String) async throws -> [[String]] {
    let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            print(json.dumps(list(csv.reader(f, strict=True))))
        """
    let result = try await runTool(["python3", "-c", script, path])
    guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile) }
    return try JSONDecoder().decode([[String]].self, from: result.output)
}

/// Runs a program of the system (gzip, python3) and returns its standard output.
/// With `captureErrors`, standard error is read into the output too.
///
/// Waits for the program without blocking a thread of the concurrency pool (the other tests, the in-process
/// fake API and the client's timers need them): input and output go through files, the exit through the
/// termination handler.
func runTool(
    _ arguments: [String], input: Data? = nil, captureErrors: Bool = false
) async throws -> (
    status: Int32, output: Data
) {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let outputPath = directory + "/output"
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    defer { try? output.close() }
    process.standardOutput = output
    if captureErrors { process.standardError = output }
    if let input {
        let inputPath = directory + "/input"
        _ = FileManager.default.createFile(atPath: inputPath, contents: input)
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
    }
    let exited = AsyncStream<Void> { continuation in
        process.terminationHandler = { _ in continuation.finish() }
    }
    try process.run()
    for await _ in exited {}
    return (process.terminationStatus, try Data(contentsOf: URL(fileURLWithPath: outputPath)))
}

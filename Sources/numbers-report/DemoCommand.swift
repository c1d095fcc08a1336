import ArgumentParser
import FakeSinchAPI
import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// `numbers-report demo`: the real pipeline over HTTP against the built-in fake API.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the nightly job against the built-in fake API on loopback: no credentials needed.",
        discussion: """
            Starts the fake Sinch API on a free 127.0.0.1 port, runs the real pipeline with the embedded config \
            (the text of samples/demo.yaml) and prints the snapshot path. Writes nothing outside the output directory.

            Example:  numbers-report demo --output ./reports
            """)

    @OptionGroup var options: RunOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let progress = options.makeProgress(logging: logging)
        let logger = logging.makeLogger(progress: progress)
        let diagnostics = Diagnostics(logger: logger, format: logging.logFormat, progress: progress)
        let clock = options.clock
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.referenceTime = clock
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        let configuration: ReportConfiguration
        do {
            configuration = try ReportConfiguration.parse(
                yaml: DemoConfiguration.yaml, file: "<embedded demo config>",
                relativeTo: FileManager.default.currentDirectoryPath)
        } catch {
            await fake.stop()
            throw options.fail(.usageOrConfiguration, "the demo config: \(error)", diagnostics: diagnostics)
        }
        var demo = configuration
        demo.api.baseURL = fake.baseURL
        demo.api.tokenURL = fake.tokenURL
        if let output = options.outputDirectory { demo.output.directory = output }
        let run = ReportRun(
            configuration: demo,
            credentials: Credentials(keyID: fakeConfiguration.keyID, keySecret: fakeConfiguration.keySecret),
            clock: clock, logger: logger, progress: progress?.eventHandler)
        let stopped = await StopSignals.cancelling { try await run.run() }
        await fake.stop()
        try options.conclude(stopped, failure: "the demo failed", diagnostics: diagnostics)
    }
}

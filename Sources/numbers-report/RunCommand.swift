import ArgumentParser
import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// `numbers-report run --config FILE`: the nightly job.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch every scope of the config and publish a snapshot.",
        discussion: """
            Credentials come from the environment (SINCH_KEY_ID / SINCH_KEY_SECRET unless the config names others).
            Exit codes: 0 complete, 1 usage or config error, 2 partial (snapshot marked incomplete), \
            3 nothing fetched, 4 --fail-on matched.

            Example:  SINCH_KEY_ID=… SINCH_KEY_SECRET=… numbers-report run --config /etc/numbers-report/nightly.yaml
            """)

    @Option(help: "The YAML (or JSON) config file.")
    var config: String

    @OptionGroup var options: RunOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger()
        var configuration: ReportConfiguration
        let credentials: Credentials
        let template: ReportTemplate
        do {
            configuration = try ReportConfiguration.load(path: config)
            credentials = try configuration.credentials(file: config)
            template = try ReportTemplate.load(path: configuration.output.xhtmlTemplate, configFile: config)
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        if let output = options.outputDirectory { configuration.output.directory = output }
        let run = ReportRun(
            configuration: configuration, credentials: credentials, clock: options.clock, template: template,
            logger: logger)
        let outcome: RunOutcome
        do {
            outcome = try await run.run()
        } catch {
            FileHandle.standardError.write(Data("the run failed: \(error)\n".utf8))
            throw ExitCode(ExitStatus.nothingFetched.rawValue)
        }
        try options.finish(outcome)
    }
}

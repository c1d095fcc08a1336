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
            Credentials come from the environment (SINCH_KEY_ID / SINCH_KEY_SECRET unless the config names others), \
            or from files the config names (keyIdFile / keySecretFile, relative to $CREDENTIALS_DIRECTORY when set); \
            a scope may name a key of its own (Sinch keys belong to a project). \
            Prints the snapshot's path on stdout. On a terminal, stderr shows a live line per scope and a summary.

            Exit codes: 0 complete, 1 usage or config error, 2 partial (snapshot marked incomplete, or the email \
            could not be sent), 3 nothing fetched (nothing published), 4 --fail-on matched, 130/143 stopped by \
            SIGINT/SIGTERM before publishing (nothing published).

            Example:  numbers-report run --config /etc/numbers-report/nightly.yaml --fail-on FAILED \\
                        --metrics-file /var/lib/prometheus/node-exporter/numbers_report.prom
            """)

    @Option(help: "The YAML (or JSON) config file. Example: --config /etc/numbers-report/nightly.yaml")
    var config: String

    @OptionGroup var options: RunOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let progress = options.makeProgress(logging: logging)
        let logger = logging.makeLogger(progress: progress)
        let diagnostics = Diagnostics(logger: logger, format: logging.logFormat, progress: progress)
        let file: ConfigFile
        do {
            file = try ConfigFile.load(config)
        } catch {
            throw options.fail(.usageOrConfiguration, error.message, diagnostics: diagnostics)
        }
        var configuration = file.configuration
        if let output = options.outputDirectory { configuration.output.directory = output }
        let run = ReportRun(
            configuration: configuration, scopeKeys: file.scopeKeys, clock: options.clock, template: file.template,
            logger: logger, progress: progress?.eventHandler)
        let stopped = await StopSignals.cancelling { try await run.run() }
        try options.conclude(stopped, failure: "the run failed", diagnostics: diagnostics)
    }
}

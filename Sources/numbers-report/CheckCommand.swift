import ArgumentParser
import Foundation
import NumbersReportCore

/// `numbers-report check --config FILE`: a dry run that publishes nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a config against the API: token, then the first page of every scope; publishes nothing.",
        discussion: """
            Validates the config and its template, reads the access keys it names, fetches an access token and the \
            first page of every scope, checks that the output directory can be written (a temporary file, removed) \
            and that the mailer can be run, and prints a table: scope, reachable, totalSize, the page size the \
            server granted, latency; then the rest. Exit codes as for run: 0 ready, 1 usage or config error, \
            2 some scopes did not answer or the mailer cannot be run, 3 none did or the output directory cannot \
            be written.

            Example (the key files the config names, read from the directory systemd's LoadCredential= would use):
              CREDENTIALS_DIRECTORY=/etc/numbers-report/credentials numbers-report check \\
                --config /etc/numbers-report/nightly.yaml
            """)

    @Option(help: "The YAML (or JSON) config file. Example: --config /etc/numbers-report/nightly.yaml")
    var config: String

    @Flag(help: "The report as JSON instead of the table.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger()
        let file: ConfigFile
        do {
            file = try ConfigFile.load(config)
        } catch {
            Diagnostics(logger: logger, format: logging.logFormat, progress: nil).error(error.message)
            throw ExitCode(ExitStatus.usageOrConfiguration.rawValue)
        }
        var report = try await ConfigCheck(
            configuration: file.configuration, scopeKeys: file.scopeKeys, logger: logger
        ).run()
        report.local = try await ConfigCheck.localReadiness(file.configuration)
        print(json ? try report.json() : report.table(pageSize: file.configuration.api.pageSize), terminator: "")
        throw ExitCode(report.exitStatus.rawValue)
    }
}

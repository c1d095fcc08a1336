import ArgumentParser
#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// Options shared by `run` and `demo`.
struct RunOptions: ParsableArguments {
    @Option(
        help: """
            Publish the snapshot under DIR instead of the config's output.directory. Example: --output ./reports
            """)
    var output: String?

    @Option(
        help: """
            Fix the run's clock (health ages, snapshot name) instead of now, to re-run a night. \
            Example: --now 2026-11-29T02:00:00Z
            """)
    var now: String?

    @Option(
        help: """
            Exit with 4 after a complete run when any row is at or above LEVEL (FAILED, STALE, MISCONFIGURED, \
            REVIEW, PENDING), or any record could not be read. Example: --fail-on REVIEW
            """)
    var failOn: String?

    @Option(
        help: """
            Write the run's metrics to FILE in the Prometheus text format (replaced atomically), for \
            node_exporter's textfile collector. Example: \
            --metrics-file /var/lib/prometheus/node-exporter/numbers_report.prom
            """)
    var metricsFile: String?

    @Flag(
        help: """
            No live progress lines or summary table, even when stderr is a terminal (they are never written \
            when it is not).
            """)
    var noProgress = false

    /// When the command started: the metrics' run duration.
    let startedAt = Date()

    private enum CodingKeys: String, CodingKey {
        case output, now, failOn, metricsFile, noProgress
    }

    func validate() throws {
        if let now, APITimestamp.parse(now) == nil {
            throw ValidationError("--now: \"\(now)\" is not an ISO 8601 date-time such as 2026-11-29T02:00:00Z")
        }
        if let failOn, HealthLevel(name: failOn) == nil {
            throw ValidationError(
                "--fail-on: \"\(failOn)\" is not one of "
                    + HealthLevel.worstFirst.map(\.name).joined(separator: ", "))
        }
    }

    var clock: Date {
        now.flatMap(APITimestamp.parse) ?? Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// `--output` made absolute against the working directory.
    var outputDirectory: String? {
        output.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
    }

    /// The live progress display: only on a terminal, and not with `--no-progress` or JSON logs.
    func makeProgress(logging: LoggingOptions) -> TerminalProgress? {
        guard !noProgress, logging.logFormat == .text, StandardError.isTerminal else { return nil }
        return TerminalProgress(output: StandardError.write)
    }

    /// Writes the metrics file, if asked for; a failure to write it is reported but does not change the exit code.
    func writeMetrics(_ status: ExitStatus, outcome: RunOutcome?, diagnostics: Diagnostics) {
        guard let metricsFile else { return }
        let metrics = RunMetrics(startedAt: startedAt, finishedAt: Date(), exitStatus: status, outcome: outcome)
        do {
            try metrics.write(to: metricsFile)
        } catch {
            diagnostics.error("the metrics file was not written: \(error)")
        }
    }

    /// Ends a run that stopped before it had an outcome: the message, the closing line, the metrics, then the
    /// exit code.
    func fail(_ status: ExitStatus, _ message: String, diagnostics: Diagnostics) -> ExitCode {
        diagnostics.error(message)
        diagnostics.logger.error(
            "run finished",
            metadata: RunOutcome.closingMetadata(status: status, why: message, seconds: diagnostics.elapsedSeconds))
        writeMetrics(status, outcome: nil, diagnostics: diagnostics)
        return ExitCode(status.rawValue)
    }

    /// Ends a run that ``StopSignals`` watched: a stop signal before publishing is exit 130 (SIGINT) or 143
    /// (SIGTERM) with the metrics and a log line; otherwise the outcome, or `failure` and the error (exit 3).
    func conclude(
        _ stopped: StopSignals.Outcome<RunOutcome>, failure: String, diagnostics: Diagnostics
    ) throws -> Never {
        switch (stopped.result, stopped.signal) {
        case (.success(let outcome), let signal):
            if let signal {
                diagnostics.error(
                    "\(StopSignals.name(signal)) arrived while publishing: the snapshot was completed"
                )
            }
            try finish(outcome, diagnostics: diagnostics)
        case (.failure, let signal?):
            throw fail(
                signal == SIGINT ? .interrupted : .terminated,
                "stopped by \(StopSignals.name(signal)) before publishing: the partial snapshot was removed, "
                    + "nothing was published", diagnostics: diagnostics)
        case (.failure(let error as ImportedNumbersClient.ConfigurationProblem), nil):
            throw fail(.usageOrConfiguration, "\(failure): \(error)", diagnostics: diagnostics)
        case (.failure(let error), nil):
            throw fail(.nothingFetched, "\(failure): \(error)", diagnostics: diagnostics)
        }
    }

    /// Prints the snapshot path and maps the outcome to the contract's exit code.
    func finish(_ outcome: RunOutcome, diagnostics: Diagnostics) throws -> Never {
        diagnostics.progress?.finish(outcome)
        if let path = outcome.snapshotPath { print(path) }
        // Scopes that failed for the same reason (a refused key's) share one line.
        var failures: [(reason: String, names: [String])] = []
        for result in outcome.scopes where !result.isComplete {
            let name = "\"" + (result.scope.label ?? "\(result.scope.servicePlanId)/\(result.scope.campaignId)") + "\""
            let reason = result.failure ?? ""
            if let index = failures.firstIndex(where: { $0.reason == reason }) {
                failures[index].names.append(name)
            } else {
                failures.append((reason, [name]))
            }
        }
        for (reason, names) in failures {
            diagnostics.error(
                "scope\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) failed: \(reason)")
        }
        if outcome.snapshotPath == nil {
            diagnostics.error("nothing could be fetched; no snapshot was published")
        }
        var status = outcome.exitCode
        if let failure = outcome.emailFailure {
            diagnostics.error("the report email was not sent: \(failure)")
            status = .partial
        }
        let failOnLevel = failOn.flatMap(HealthLevel.init(name:))
        if status == .complete, let failOnLevel, outcome.meetsFailOn(failOnLevel) {
            status = .healthThreshold
        }
        diagnostics.logger.log(
            level: status == .complete ? .notice : .error, "run finished",
            metadata: outcome.closingMetadata(status: status, failOn: failOnLevel, seconds: diagnostics.elapsedSeconds))
        writeMetrics(status, outcome: outcome, diagnostics: diagnostics)
        throw ExitCode(status.rawValue)
    }
}

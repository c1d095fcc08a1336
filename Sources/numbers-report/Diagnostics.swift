import Logging
import NumbersReportCore

/// What the tool tells the operator on stderr besides its log (a scope that failed, nothing published,
/// a config error): a plain line, above the live progress lines when there are any; with
/// `--log-format json`, a log event, so that every line of stderr stays one JSON object.
struct Diagnostics {
    let logger: Logger
    let format: LoggingOptions.Format
    let progress: TerminalProgress?
    /// When the command started: the closing line's duration.
    let startedAt = ContinuousClock.now

    /// Seconds since the command started.
    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - startedAt
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    func error(_ message: String) {
        switch (format, progress) {
        case (.json, _): logger.error("\(message)")
        case (.text, let progress?): progress.printAbove(message)
        case (.text, nil): StandardError.write(message + "\n")
        }
    }
}

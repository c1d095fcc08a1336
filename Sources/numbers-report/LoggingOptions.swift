import ArgumentParser
import Logging
import NumbersReportCore

/// `--log-level` and `--log-format`: log lines go to stderr.
struct LoggingOptions: ParsableArguments {
    /// How log lines are written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// `2026-11-29T02:00:01+0000 notice numbers-report: attempt=1 … retrying after a transient failure`.
        case text
        /// One JSON object a line: time, level, label, message, source and the metadata as keys.
        case json
    }

    @Option(
        help: """
            Least severe level written to stderr: trace, debug, info, notice, warning, error, critical. \
            Example: --log-level debug (one line per page)
            """)
    var logLevel: Logger.Level = .info

    @Option(
        help: """
            text, or json for one JSON object a line (time, level, message, metadata such as scope, page, status, \
            attempt) for journald and log shippers. Example: --log-format json
            """)
    var logFormat: Format = .text

    /// Sets up swift-log. With a live progress display, log lines are written above its lines.
    func makeLogger(progress: TerminalProgress? = nil) -> Logger {
        let level = logLevel
        let format = logFormat
        let write: @Sendable (String) -> Void =
            if let progress { { progress.printAbove($0) } } else { { StandardError.write($0) } }
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = TextLogHandler(label: label, output: write)
                handler.logLevel = level
                return handler
            case .json:
                var handler = JSONLogHandler(label: label) { write(String(decoding: $0, as: UTF8.self)) }
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "numbers-report")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

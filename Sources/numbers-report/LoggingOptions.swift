import ArgumentParser
import Logging

/// `--log-level`: log lines go to stderr.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Least severe log level written to stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func makeLogger() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "numbers-report")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

import ArgumentParser
import Foundation
import NumbersReportCore

/// `numbers-report demo`: the real pipeline over HTTP against the built-in fake API, for one night or several.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the nightly job against the built-in fake API on loopback: no credentials needed.",
        discussion: """
            Starts the fake Sinch API on a free 127.0.0.1 port, runs the real pipeline with the embedded config \
            (the text of samples/demo.yaml) and prints the snapshot path. Writes nothing outside the output directory.

            With --nights N it publishes N consecutive nights a day apart, the last one at --now (default now), \
            into the same output directory, and prints each snapshot's path. The fake's data evolves from night to \
            night (numbers fail, recover, go stale, are added and removed; the same every time), so the last \
            report shows changes, recent nights and what to do. It stops at the first night that is not complete; \
            the exit code is that night's, else the last night's.

            Examples:  numbers-report demo --output ./reports
                       numbers-report demo --nights 3 --now 2026-11-29T02:00:00Z --output ./reports
            """)

    @Option(
        help: """
            Publish this many consecutive nights, a day apart, ending at --now (1 to 60). Example: --nights 3
            """)
    var nights = 1

    @OptionGroup var options: RunOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (1...60).contains(nights) else { throw ValidationError("--nights must be 1 to 60") }
    }

    func run() async throws {
        let progress = options.makeProgress(logging: logging)
        let logger = logging.makeLogger(progress: progress)
        let diagnostics = Diagnostics(logger: logger, format: logging.logFormat, progress: progress)
        var demo: ReportConfiguration
        do {
            demo = try ReportConfiguration.parse(
                yaml: DemoConfiguration.yaml, file: "<embedded demo config>",
                relativeTo: FileManager.default.currentDirectoryPath)
        } catch {
            throw options.fail(.usageOrConfiguration, "the demo config: \(error)", diagnostics: diagnostics)
        }
        if let output = options.outputDirectory { demo.output.directory = output }
        let lastClock = options.clock
        for night in 1...nights {
            let isLast = night == nights
            let stopped = try await publishNight(
                night - 1, clock: lastClock.addingTimeInterval(-86_400 * Double(nights - night)), configuration: demo,
                logger: logger, progress: isLast ? progress : nil)
            if !isLast, stopped.signal == nil, case .success(let outcome) = stopped.result,
                outcome.exitCode == .complete, outcome.emailFailure == nil
            {
                print(outcome.snapshotPath ?? "")
                continue
            }
            let failure = nights == 1 ? "the demo failed" : "the demo's night \(night) of \(nights) failed"
            try options.conclude(stopped, failure: failure, diagnostics: diagnostics)
        }
    }
}

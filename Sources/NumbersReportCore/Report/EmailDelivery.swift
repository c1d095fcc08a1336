import Foundation
import ReportWriters
import Subprocess
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Hands `report.eml` to the configured mailer (`sendmail -t` style: the message on standard input),
/// as a child that cannot hold the night up or see its secrets:
///
/// - a time limit: past it the mailer gets SIGTERM, then SIGKILL 2 s later, and the email counts as not sent;
/// - bounded output: what it prints (standard output and error together) is read to the end, but only the
///   first ``maxOutputBytes`` are kept, for the error message;
/// - only the environment a mailer needs (``passedVariables``): never the access key's variables.
///
/// Waiting on the child is asynchronous (swift-subprocess): no thread of Swift's pool is blocked.
struct EmailDelivery: Sendable {
    var command: [String]
    var timeout: Duration = .seconds(EmailSettings.defaultSendTimeoutSeconds)
    var maxOutputBytes = 2_000
    /// The variables passed on to the mailer, when set: where it finds its config (`HOME`, msmtp's
    /// `~/.msmtprc`), programs, locale and time zone.
    static let passedVariables = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR"]

    init(command: [String], timeout: Duration? = nil) {
        self.command = command
        if let timeout { self.timeout = timeout }
    }

    init(settings: EmailSettings, command: [String]) {
        self.init(
            command: command,
            timeout: .seconds(settings.sendTimeoutSeconds ?? EmailSettings.defaultSendTimeoutSeconds))
    }

    /// The environment the mailer runs with: `passedVariables` taken from `environment`.
    static func mailerEnvironment(from environment: [String: String]) -> [Environment.Key: String] {
        var passed: [Environment.Key: String] = [:]
        for name in passedVariables {
            if let value = environment[name] { passed[Environment.Key(stringLiteral: name)] = value }
        }
        return passed
    }

    /// Runs the command; `nil` when it took the message, else what went wrong (one line).
    func send(file: String, environment: [String: String] = ProcessInfo.processInfo.environment) async -> String? {
        let program = command[0]
        let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            return "\(file) could not be opened for the mailer: \(String(cString: strerror(errno)))"
        }
        defer { close(descriptor) }  // ours to close, whether or not the mailer was started
        let options = Self.platformOptions
        let (timeout, limit, arguments) = (timeout, maxOutputBytes, Array(command.dropFirst()))
        let mailerEnvironment = Self.mailerEnvironment(from: environment)
        do {
            let result = try await withThrowingTaskGroup(of: MailerResult?.self) { group in
                group.addTask {
                    let run = try await Subprocess.run(
                        .path(FilePath(program)), arguments: Arguments(arguments),
                        environment: .custom(mailerEnvironment), platformOptions: options,
                        input: .fileDescriptor(FileDescriptor(rawValue: descriptor), closeAfterSpawningProcess: false),
                        output: .sequence, error: .combinedWithOutput
                    ) { execution in
                        var kept: [UInt8] = []
                        for try await chunk in execution.standardOutput where kept.count < limit {
                            chunk.withUnsafeBytes { kept += $0.prefix(limit - kept.count) }
                        }
                        return kept
                    }
                    return MailerResult(status: run.terminationStatus, output: run.closureResult)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
            guard let result else {
                return
                    "\(command.joined(separator: " ")) did not finish within \(Self.seconds(timeout)) s and was stopped"
            }
            if case .exited(0) = result.status { return nil }
            let said = SafeText.line(
                String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                limit: limit)
            return "\(command.joined(separator: " ")) \(Self.describe(result.status))"
                + (said.isEmpty ? "" : ": \(said)")
        } catch is CancellationError {
            return "\(command.joined(separator: " ")) was stopped: the run was stopped (SIGTERM or SIGINT) while it ran"
        } catch {
            if Task.isCancelled {
                return
                    "\(command.joined(separator: " ")) was stopped: the run was stopped (SIGTERM or SIGINT) while it ran"
            }
            return "\(program) could not be started: \(SafeText.line(String(describing: error), limit: 500))"
        }
    }

    /// Stopping the mailer: SIGTERM, then SIGKILL 2 s later, to its whole process group (a mailer that is
    /// a script stops with its children), which is its own: it runs in a session of its own.
    private static var platformOptions: PlatformOptions {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [
            .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: .seconds(2))
        ]
        return options
    }

    private struct MailerResult: Sendable {
        var status: TerminationStatus
        var output: [UInt8]
    }

    private static func describe(_ status: TerminationStatus) -> String {
        switch status {
        case .exited(let code): "exited with \(code)"
        case .signaled(let signal): "was killed by signal \(signal)"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let seconds = duration.inSeconds
        return seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

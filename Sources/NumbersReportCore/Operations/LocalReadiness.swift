import Foundation

/// What `check` proves on this machine before any request, so that it never passes what `run` then fails: the
/// output directory can be written (a temporary file is created in it and removed; when it does not exist yet,
/// its nearest existing parent must let the tool create it), and the mailer of `email.sendCommand` can be run.
public struct LocalReadiness: Sendable {
    /// One thing checked.
    public struct Finding: Sendable, Hashable {
        /// What was checked, e.g. `output directory /var/lib/numbers-report/reports`.
        public var item: String
        /// Why `run` would fail; `nil` when ready.
        public var problem: String?
        /// How `run` would end because of it: 3 (nothing published) for the output directory, 2 (published, not
        /// mailed) for the mailer.
        public var failing: ExitStatus
    }

    /// Checks `configuration`'s output directory and mailer. Touches the file system: call it off the cooperative
    /// pool.
    public static func check(_ configuration: ReportConfiguration) -> [Finding] {
        var findings = [outputDirectory(configuration.output.directory)]
        if let program = configuration.email.sendCommand?.first { findings.append(mailer(program)) }
        return findings
    }

    static func outputDirectory(_ path: String) -> Finding {
        let item = "output directory \(path)"
        var existing = path
        while !FileManager.default.fileExists(atPath: existing) {
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { break }
            existing = parent
        }
        guard existing == path else {
            // `run` creates it: its nearest existing parent must be a directory the tool can write.
            let ok = Self.type(existing) == S_IFDIR && access(existing, W_OK | X_OK) == 0
            return Finding(
                item: item, problem: ok ? nil : "does not exist, and \(existing) does not let this user create it",
                failing: .nothingFetched)
        }
        guard Self.type(path) == S_IFDIR else {
            return Finding(item: item, problem: "is not a directory", failing: .nothingFetched)
        }
        let probe = path + "/.numbers-report-check-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            return Finding(
                item: item, problem: "cannot be written (\(String(cString: strerror(errno))))", failing: .nothingFetched
            )
        }
        close(descriptor)
        unlink(probe)
        return Finding(item: item, problem: nil, failing: .nothingFetched)
    }

    static func mailer(_ program: String) -> Finding {
        let item = "mailer \(program)"
        guard Self.type(program) == S_IFREG else {
            return Finding(item: item, problem: "does not exist (install it, e.g. msmtp-mta)", failing: .partial)
        }
        guard access(program, X_OK) == 0 else {
            return Finding(item: item, problem: "cannot be run by this user", failing: .partial)
        }
        return Finding(item: item, problem: nil, failing: .partial)
    }

    /// The type of what `path` names, links followed (`/usr/sbin/sendmail` is often a link).
    private static func type(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}

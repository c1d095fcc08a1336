import Logging

extension RunOutcome {
    /// The run's last log line, `run finished`, in one place for the operator paged at 02:00: the exit code and
    /// why, rows, levels, pages, requests, retries and how long it took; numbers as numbers in JSON logs.
    /// - Parameters:
    ///   - status: the exit status the run ends with.
    ///   - failOn: the `--fail-on` level, when given.
    ///   - seconds: how long the run took.
    public func closingMetadata(status: ExitStatus, failOn: HealthLevel?, seconds: Double) -> Logger.Metadata {
        let levels = HealthLevel.worstFirst.map { "\($0.name)=\(levelCounts[$0] ?? 0)" }.joined(separator: " ")
        return [
            "exit": .stringConvertible(Int(status.rawValue)), "why": "\(reason(status: status, failOn: failOn))",
            "rows": .stringConvertible(scopes.reduce(0) { $0 + $1.rows }), "levels": "\(levels)",
            "pages": .stringConvertible(scopes.reduce(0) { $0 + $1.pages }), "requests": .stringConvertible(requests),
            "retries": .stringConvertible(retries), "seconds": .stringConvertible((seconds * 10).rounded() / 10),
        ]
    }

    /// The closing line of a run that ended before it had an outcome (a config error, a held output directory,
    /// a stop signal): the exit code, why, and how long it took.
    public static func closingMetadata(status: ExitStatus, why: String, seconds: Double) -> Logger.Metadata {
        [
            "exit": .stringConvertible(Int(status.rawValue)), "why": "\(why)",
            "seconds": .stringConvertible((seconds * 10).rounded() / 10),
        ]
    }

    /// Why the run ends with `status`: `complete`, `2 of 3 scopes failed`, `--fail-on FAILED: 12 numbers at FAILED
    /// or worse`, …
    public func reason(status: ExitStatus, failOn: HealthLevel?) -> String {
        let failed = scopes.filter { !$0.isComplete }.count
        switch status {
        case .complete: return "complete: all \(scopes.count) scopes read to the end"
        case .partial:
            if failed > 0 { return "partial: \(failed) of \(scopes.count) scopes failed" }
            return "partial: the report email was not sent"
        case .nothingFetched: return "nothing could be fetched; no snapshot was published"
        case .healthThreshold:
            guard let failOn else { return "--fail-on" }
            let count = levelCounts.filter { $0.key >= failOn }.reduce(0) { $0 + $1.value }
            let unreadable = unreadableRecords > 0 ? " (\(unreadableRecords) records could not be read)" : ""
            return "--fail-on \(failOn.name): \(count) numbers at \(failOn.name) or worse\(unreadable)"
        case .usageOrConfiguration: return "usage or config error"
        case .interrupted: return "stopped by SIGINT"
        case .terminated: return "stopped by SIGTERM"
        }
    }
}

/// How a run ended, and the exit code the contract gives it.
public struct RunOutcome: Sendable {
    /// The published snapshot; `nil` when nothing was published.
    public var snapshotPath: String?
    /// One result per configured scope, in config order.
    public var scopes: [ScopeResult]
    /// Requests, retries and token fetches.
    public var requests: Int
    public var retries: Int
    /// Why the report email could not be handed to `email.sendCommand`; `nil` when sent or not configured.
    public var emailFailure: String?

    public init(snapshotPath: String?, scopes: [ScopeResult], requests: Int, retries: Int) {
        self.snapshotPath = snapshotPath
        self.scopes = scopes
        self.requests = requests
        self.retries = retries
    }

    /// Every scope reached its last page.
    public var isComplete: Bool { scopes.allSatisfy(\.isComplete) }

    /// `0` complete, `2` partial (published, marked incomplete), `3` nothing fetched (nothing published).
    public var exitCode: ExitStatus {
        if snapshotPath == nil { return .nothingFetched }
        return isComplete ? .complete : .partial
    }

    /// Records that could not be decoded, over all scopes: they have no row and no health level, so
    /// `--fail-on` treats them as meeting any level (nothing vouches for them).
    public var unreadableRecords: Int { scopes.reduce(0) { $0 + $1.rejectedCount } }

    /// Whether `--fail-on level` matches: a row at or above `level`, or any unreadable record.
    public func meetsFailOn(_ level: HealthLevel) -> Bool {
        unreadableRecords > 0 || levelCounts.contains { $0.key >= level && $0.value > 0 }
    }

    /// Rows per level over all scopes.
    /// Rows whose number cannot send SMS (`sms_ready` false), over all scopes.
    public var smsNotReady: Int { scopes.reduce(0) { $0 + $1.smsNotReady } }

    public var levelCounts: [HealthLevel: Int] {
        scopes.reduce(into: [:]) { totals, scope in totals.merge(scope.levelCounts, uniquingKeysWith: +) }
    }
}

/// The contract's exit codes.
public enum ExitStatus: Int32, Sendable {
    /// The run completed.
    case complete = 0
    /// Usage or config error: nothing fetched, nothing written.
    case usageOrConfiguration = 1
    /// Some scopes failed; a snapshot was published and marked incomplete.
    case partial = 2
    /// Nothing could be fetched; no snapshot.
    case nothingFetched = 3
    /// Complete, but `--fail-on` found rows at or above its level.
    case healthThreshold = 4
    /// Stopped by SIGINT (128 + 2) before publishing: the partial snapshot was removed.
    case interrupted = 130
    /// Stopped by SIGTERM (128 + 15) before publishing: the partial snapshot was removed.
    case terminated = 143
}

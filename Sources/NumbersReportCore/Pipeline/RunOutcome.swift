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

    /// Rows per level over all scopes.
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
}

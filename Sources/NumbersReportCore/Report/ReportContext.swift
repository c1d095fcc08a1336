import Foundation

/// What the report says about the run besides the rows: its clock, its scopes and how they ended.
public struct ReportContext: Sendable {
    /// The run's clock.
    public var clock: Date
    /// One result per configured scope, in config order.
    public var scopes: [ScopeResult]
    /// Where the full rows are, for "N more in …".
    public var csvName = PayloadPath.numbersCSV.fileName

    public init(clock: Date, scopes: [ScopeResult]) {
        self.clock = clock
        self.scopes = scopes
    }

    /// Every scope reached its last page.
    public var isComplete: Bool { scopes.allSatisfy(\.isComplete) }

    /// The scopes that failed.
    public var failedScopes: [ScopeResult] { scopes.filter { !$0.isComplete } }

    /// The scopes that answered to the end with no numbers (see ``ScopeResult/answeredEmpty``).
    public var emptyScopes: [ScopeResult] { scopes.filter(\.answeredEmpty) }

    /// The distinct projects, in config order.
    public var projects: [String] {
        var seen: Set<String> = []
        return scopes.map(\.scope.projectId).filter { seen.insert($0).inserted }
    }
}

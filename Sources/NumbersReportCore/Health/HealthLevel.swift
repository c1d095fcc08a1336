/// How healthy a number's provisioning is, ordered from best to worst (`FAILED` is the greatest).
public enum HealthLevel: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case healthy
    case pending
    case misconfigured
    case stale
    case failed

    /// The contract's name: `HEALTHY`, `PENDING`, `MISCONFIGURED`, `STALE`, `FAILED`.
    public var name: String {
        switch self {
        case .healthy: "HEALTHY"
        case .pending: "PENDING"
        case .misconfigured: "MISCONFIGURED"
        case .stale: "STALE"
        case .failed: "FAILED"
        }
    }

    /// Reads a contract name, case-insensitively.
    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name.uppercased() }) else { return nil }
        self = level
    }

    /// Worst first, as reports list them.
    public static let worstFirst: [HealthLevel] = allCases.reversed()

    public var description: String { name }

    public static func < (lhs: HealthLevel, rhs: HealthLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

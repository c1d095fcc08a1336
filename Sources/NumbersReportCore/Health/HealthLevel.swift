/// How healthy a number's provisioning is, ordered from best to worst (`FAILED` is the greatest).
/// Written and read (`Codable`) as its contract name.
public enum HealthLevel: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible, Codable {
    case healthy
    case pending
    /// The API said something this tool cannot vouch for (health contract v2).
    case review
    case misconfigured
    case stale
    case failed

    /// The contract's name: `HEALTHY`, `PENDING`, `REVIEW`, `MISCONFIGURED`, `STALE`, `FAILED`.
    public var name: String {
        switch self {
        case .healthy: "HEALTHY"
        case .pending: "PENDING"
        case .review: "REVIEW"
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

    /// Reads a contract name exactly as this tool writes it (`FAILED`, not `failed`).
    public init?(exactName name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let level = HealthLevel(exactName: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown health level \"\(name)\"")
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Worst first, as reports list them.
    public static let worstFirst: [HealthLevel] = allCases.reversed()

    public var description: String { name }

    public static func < (lhs: HealthLevel, rhs: HealthLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

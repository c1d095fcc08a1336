/// The state of a carrier entry or of SMS / campaign provisioning.
public struct ProvisioningState: OpenEnumeration {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let done = Self(rawValue: "DONE")
    public static let failed = Self(rawValue: "FAILED")
    public static let inProgress = Self(rawValue: "IN_PROGRESS")
    public static let waiting = Self(rawValue: "WAITING")
    public static let unspecified = Self(rawValue: "STATE_UNSPECIFIED")

    public static let documentedValues: Set<String> = [
        "DONE", "FAILED", "IN_PROGRESS", "WAITING", "STATE_UNSPECIFIED",
    ]

    /// `IN_PROGRESS` or `WAITING`: an operation that has not finished yet.
    public var isInFlight: Bool { self == .inProgress || self == .waiting }
}

/// The state of a carrier entry or of SMS / campaign provisioning.
public struct ProvisioningState: OpenEnumeration {
    /// The value as received.
    public let rawValue: String
    /// Any value, documented or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `DONE`.
    public static let done = Self(rawValue: "DONE")
    /// `FAILED`.
    public static let failed = Self(rawValue: "FAILED")
    /// `IN_PROGRESS`.
    public static let inProgress = Self(rawValue: "IN_PROGRESS")
    /// `WAITING`.
    public static let waiting = Self(rawValue: "WAITING")
    /// `STATE_UNSPECIFIED`.
    public static let unspecified = Self(rawValue: "STATE_UNSPECIFIED")

    /// The values the API reference lists.
    public static let documentedValues: Set<String> = [
        "DONE", "FAILED", "IN_PROGRESS", "WAITING", "STATE_UNSPECIFIED",
    ]

    /// `IN_PROGRESS` or `WAITING`: an operation that has not finished yet.
    public var isInFlight: Bool { self == .inProgress || self == .waiting }
}

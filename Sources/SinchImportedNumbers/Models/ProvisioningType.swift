/// The `type` of SMS or campaign provisioning.
public struct ProvisioningType: OpenEnumeration {
    /// The value as received.
    public let rawValue: String
    /// Any value, documented or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `PROVISIONING`.
    public static let provisioning = Self(rawValue: "PROVISIONING")
    /// `DEPROVISIONING`.
    public static let deprovisioning = Self(rawValue: "DEPROVISIONING")

    /// The values the API reference lists.
    public static let documentedValues: Set<String> = ["PROVISIONING", "DEPROVISIONING"]
}

/// The `type` of SMS or campaign provisioning.
public struct ProvisioningType: OpenEnumeration {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let provisioning = Self(rawValue: "PROVISIONING")
    public static let deprovisioning = Self(rawValue: "DEPROVISIONING")

    public static let documentedValues: Set<String> = ["PROVISIONING", "DEPROVISIONING"]
}

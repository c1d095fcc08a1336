/// The operation a carrier entry (`mnoConfiguration.*`) is carrying out.
public struct CarrierOperation: OpenEnumeration {
    /// The value as received.
    public let rawValue: String
    /// Any value, documented or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `PROVISIONING`.
    public static let provisioning = Self(rawValue: "PROVISIONING")
    /// `DEPROVISIONING`.
    public static let deprovisioning = Self(rawValue: "DEPROVISIONING")
    /// `OPERATION_UNSPECIFIED`.
    public static let unspecified = Self(rawValue: "OPERATION_UNSPECIFIED")

    /// The values the API reference lists.
    public static let documentedValues: Set<String> = ["PROVISIONING", "DEPROVISIONING", "OPERATION_UNSPECIFIED"]
}

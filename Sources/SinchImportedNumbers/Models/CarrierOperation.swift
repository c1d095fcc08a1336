/// The operation a carrier entry (`mnoConfiguration.*`) is carrying out.
public struct CarrierOperation: OpenEnumeration {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let provisioning = Self(rawValue: "PROVISIONING")
    public static let deprovisioning = Self(rawValue: "DEPROVISIONING")
    public static let unspecified = Self(rawValue: "OPERATION_UNSPECIFIED")

    public static let documentedValues: Set<String> = ["PROVISIONING", "DEPROVISIONING", "OPERATION_UNSPECIFIED"]
}

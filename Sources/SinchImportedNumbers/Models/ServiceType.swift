/// The `serviceType` of SMS or campaign provisioning.
public struct ServiceType: OpenEnumeration {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let sms = Self(rawValue: "SMS")
    public static let campaign = Self(rawValue: "CAMPAIGN")

    public static let documentedValues: Set<String> = ["SMS", "CAMPAIGN"]
}

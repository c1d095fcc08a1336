/// The `serviceType` of SMS or campaign provisioning.
public struct ServiceType: OpenEnumeration {
    /// The value as received.
    public let rawValue: String
    /// Any value, documented or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `SMS`: provisioning to a service plan.
    public static let sms = Self(rawValue: "SMS")
    /// `CAMPAIGN`: provisioning to a 10DLC campaign.
    public static let campaign = Self(rawValue: "CAMPAIGN")

    /// The values the API reference lists.
    public static let documentedValues: Set<String> = ["SMS", "CAMPAIGN"]
}

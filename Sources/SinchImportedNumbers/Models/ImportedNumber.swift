/// One imported (hosted) number as the list endpoint returns it (`ImportedNumberResponse`).
///
/// Every field is optional: the reference does not promise any of them, and a missing object must
/// become empty cells in a report, not a failed run.
public struct ImportedNumber: Codable, Hashable, Sendable {
    /// E.164 with a leading `+`.
    public var phoneNumber: String?
    public var projectId: String?
    public var regionCode: String?
    /// Free text supplied by the customer.
    public var displayName: String?
    /// Supplied by the customer; not necessarily a URL.
    public var callbackUrl: String?
    public var smsConfiguration: SmsConfiguration?
    public var mnoConfiguration: MnoConfiguration?
    public var smsProvisioning: ServiceProvisioning?
    public var campaignProvisioning: ServiceProvisioning?

    public init(
        phoneNumber: String? = nil, projectId: String? = nil, regionCode: String? = nil,
        displayName: String? = nil, callbackUrl: String? = nil, smsConfiguration: SmsConfiguration? = nil,
        mnoConfiguration: MnoConfiguration? = nil, smsProvisioning: ServiceProvisioning? = nil,
        campaignProvisioning: ServiceProvisioning? = nil
    ) {
        self.phoneNumber = phoneNumber
        self.projectId = projectId
        self.regionCode = regionCode
        self.displayName = displayName
        self.callbackUrl = callbackUrl
        self.smsConfiguration = smsConfiguration
        self.mnoConfiguration = mnoConfiguration
        self.smsProvisioning = smsProvisioning
        self.campaignProvisioning = campaignProvisioning
    }
}

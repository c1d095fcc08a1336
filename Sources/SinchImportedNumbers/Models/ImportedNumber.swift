/// One imported (hosted) number as the list endpoint returns it (`ImportedNumberResponse`).
///
/// Every field is optional: the reference does not promise any of them, and a missing object must
/// become empty cells in a report, not a failed run.
public struct ImportedNumber: Codable, Hashable, Sendable {
    /// E.164 with a leading `+`.
    public var phoneNumber: String?
    /// The project the number belongs to.
    public var projectId: String?
    /// ISO 3166-1 alpha-2: `US` or `CA`.
    public var regionCode: String?
    /// Free text supplied by the customer.
    public var displayName: String?
    /// Supplied by the customer; not necessarily a URL.
    public var callbackUrl: String?
    /// The service plan and campaign the number is assigned to.
    public var smsConfiguration: SmsConfiguration?
    /// The per-carrier state (AT&T, T-Mobile; SMS, MMS).
    public var mnoConfiguration: MnoConfiguration?
    /// Where the number stands with its SMS service plan.
    public var smsProvisioning: ServiceProvisioning?
    /// Where the number stands with its 10DLC campaign.
    public var campaignProvisioning: ServiceProvisioning?

    /// A number with the given fields; every one may be absent.
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

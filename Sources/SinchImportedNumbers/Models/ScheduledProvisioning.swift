/// A pending change of a number's SMS configuration (read-only, largely undocumented).
public struct ScheduledProvisioning: Codable, Hashable, Sendable {
    /// The service plan the number is moving to.
    public var servicePlanId: String?
    /// The campaign the number is moving to.
    public var campaignId: String?
    /// An integer "enum" whose values the API reference does not document.
    public var status: APICode?
    /// ISO 8601 as received.
    public var lastUpdatedTime: String?
    /// Integer "enums" whose values the API reference does not document.
    public var errorCodes: [APICode]?

    /// A scheduled provisioning with the given fields.
    public init(
        servicePlanId: String? = nil, campaignId: String? = nil, status: APICode? = nil,
        lastUpdatedTime: String? = nil, errorCodes: [APICode]? = nil
    ) {
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.status = status
        self.lastUpdatedTime = lastUpdatedTime
        self.errorCodes = errorCodes
    }
}

/// The SMS configuration of a number: the service plan and campaign it is assigned to.
public struct SmsConfiguration: Codable, Hashable, Sendable {
    public var servicePlanId: String?
    public var campaignId: String?
    /// True while the number sits with another aggregator on T-Mobile (read-only).
    public var migrateToSinchTmo: Bool?
    public var scheduledProvisioning: ScheduledProvisioning?

    public init(
        servicePlanId: String? = nil, campaignId: String? = nil, migrateToSinchTmo: Bool? = nil,
        scheduledProvisioning: ScheduledProvisioning? = nil
    ) {
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.migrateToSinchTmo = migrateToSinchTmo
        self.scheduledProvisioning = scheduledProvisioning
    }
}

/// The SMS configuration of a number: the service plan and campaign it is assigned to.
public struct SmsConfiguration: Codable, Hashable, Sendable {
    /// The service plan the number is assigned to.
    public var servicePlanId: String?
    /// The 10DLC campaign the number is assigned to.
    public var campaignId: String?
    /// True while the number sits with another aggregator on T-Mobile (read-only).
    public var migrateToSinchTmo: Bool?
    /// A pending change of this configuration.
    public var scheduledProvisioning: ScheduledProvisioning?

    /// A configuration with the given fields.
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

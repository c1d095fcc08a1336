/// `smsProvisioning` or `campaignProvisioning`: where the number stands with a service plan or campaign.
public struct ServiceProvisioning: Codable, Hashable, Sendable {
    /// `SMS` or `CAMPAIGN`.
    public var serviceType: ServiceType?
    /// The service plan id (SMS) or campaign id (CAMPAIGN).
    public var serviceId: String?
    /// Provisioning or deprovisioning.
    public var type: ProvisioningType?
    /// Where it stands.
    public var state: ProvisioningState?
    /// ISO 8601 as received.
    public var updateTime: String?
    /// `""` when there is no error.
    public var errorMessage: String?
    /// `""` when there is no error.
    public var errorCode: String?

    /// A provisioning with the given fields.
    public init(
        serviceType: ServiceType? = nil, serviceId: String? = nil, type: ProvisioningType? = nil,
        state: ProvisioningState? = nil, updateTime: String? = nil, errorMessage: String? = nil,
        errorCode: String? = nil
    ) {
        self.serviceType = serviceType
        self.serviceId = serviceId
        self.type = type
        self.state = state
        self.updateTime = updateTime
        self.errorMessage = errorMessage
        self.errorCode = errorCode
    }

    private enum CodingKeys: String, CodingKey {
        case serviceType, serviceId, type, state, updateTime, errorMessage, errorCode
    }

    /// Decodes a provisioning; `errorCode` may be a string or an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serviceType = try container.decodeIfPresent(ServiceType.self, forKey: .serviceType)
        serviceId = try container.decodeLenientString(forKey: .serviceId)
        type = try container.decodeIfPresent(ProvisioningType.self, forKey: .type)
        state = try container.decodeIfPresent(ProvisioningState.self, forKey: .state)
        updateTime = try container.decodeIfPresent(String.self, forKey: .updateTime)
        errorMessage = try container.decodeIfPresent(String.self, forKey: .errorMessage)
        errorCode = try container.decodeLenientString(forKey: .errorCode)
    }
}

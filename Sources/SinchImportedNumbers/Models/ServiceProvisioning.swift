/// `smsProvisioning` or `campaignProvisioning`: where the number stands with a service plan or campaign.
public struct ServiceProvisioning: Codable, Hashable, Sendable {
    public var serviceType: ServiceType?
    /// The service plan id (SMS) or campaign id (CAMPAIGN).
    public var serviceId: String?
    public var type: ProvisioningType?
    public var state: ProvisioningState?
    /// ISO 8601 as received.
    public var updateTime: String?
    /// `""` when there is no error.
    public var errorMessage: String?
    /// `""` when there is no error.
    public var errorCode: String?

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

/// One carrier entry of `mnoConfiguration` (AT&T or T-Mobile, SMS or MMS): its state and operation.
public struct CarrierState: Codable, Hashable, Sendable {
    /// Where the carrier entry stands.
    public var state: ProvisioningState?
    /// `""` when there is no error.
    public var errorCode: String?
    /// `""` when there is no error.
    public var errorMessage: String?
    /// ISO 8601 as received, e.g. `2025-04-02T19:45:28.650924Z`.
    public var updateTime: String?
    /// What the carrier entry is doing.
    public var operation: CarrierOperation?

    /// A carrier entry with the given fields.
    public init(
        state: ProvisioningState? = nil, errorCode: String? = nil, errorMessage: String? = nil,
        updateTime: String? = nil, operation: CarrierOperation? = nil
    ) {
        self.state = state
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.updateTime = updateTime
        self.operation = operation
    }

    private enum CodingKeys: String, CodingKey { case state, errorCode, errorMessage, updateTime, operation }

    /// Decodes an entry; `errorCode` may be a string or an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.decodeIfPresent(ProvisioningState.self, forKey: .state)
        errorCode = try container.decodeLenientString(forKey: .errorCode)
        errorMessage = try container.decodeIfPresent(String.self, forKey: .errorMessage)
        updateTime = try container.decodeIfPresent(String.self, forKey: .updateTime)
        operation = try container.decodeIfPresent(CarrierOperation.self, forKey: .operation)
    }
}

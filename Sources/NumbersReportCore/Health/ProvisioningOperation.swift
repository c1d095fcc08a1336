import SinchImportedNumbers

/// One of the operations of a number that health is judged on: a carrier entry, or SMS or campaign
/// provisioning, under its channel.
struct ProvisioningOperation: Sendable, Hashable {
    var channel: ProvisioningChannel
    var state: ProvisioningState?
    /// `operation` of a carrier entry, `type` of SMS or campaign provisioning, as received.
    var operation: String?
    var errorCode: String?
    var errorMessage: String?
    var updateTime: String?
    /// The service plan (SMS) or campaign (campaign provisioning) it concerns; `nil` for a carrier entry.
    var serviceID: String?

    /// `sms_att`, `sms_tmo`, `mms_att`, `mms_tmo`, `sms_prov`, `campaign_prov`.
    var name: String { channel.name }

    /// The error code, `nil` when absent or empty.
    var reportedErrorCode: String? { errorCode.flatMap { $0.isEmpty ? nil : $0 } }

    /// Failed, in error, or still in flight.
    var isTroubled: Bool { state == .failed || state?.isInFlight == true || reportedErrorCode != nil }

    /// Provisioned and done without an error code: what `sms_ready` asks of SMS carriers and provisioning.
    var isProvisionedAndDone: Bool {
        operation == "PROVISIONING" && state == .done && reportedErrorCode == nil
    }

    /// Every operation slot of `number` in channel order (one per ``ProvisioningChannel``); `nil` where the
    /// object is missing. Derived once per row (``NumberRow/operationSlots``) for the rules, the report's
    /// counts and its problem list.
    static func slots(of number: ImportedNumber) -> [ProvisioningOperation?] {
        ProvisioningChannel.allCases.map { channel in
            if let carrier = channel.carrier(of: number) {
                return ProvisioningOperation(
                    channel: channel, state: carrier.state, operation: carrier.operation?.rawValue,
                    errorCode: carrier.errorCode, errorMessage: carrier.errorMessage, updateTime: carrier.updateTime)
            }
            if let service = channel.service(of: number) {
                return ProvisioningOperation(
                    channel: channel, state: service.state, operation: service.type?.rawValue,
                    errorCode: service.errorCode, errorMessage: service.errorMessage, updateTime: service.updateTime,
                    serviceID: service.serviceId)
            }
            return nil
        }
    }
}

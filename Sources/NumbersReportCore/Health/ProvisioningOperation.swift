import SinchImportedNumbers

/// One of the operations of a number that health is judged on: a carrier entry, or SMS or campaign
/// provisioning, under its channel.
struct ProvisioningOperation: Sendable, Hashable {
    var channel: ProvisioningChannel
    var state: ProvisioningState?
    var errorCode: String?
    var errorMessage: String?
    var updateTime: String?

    /// `sms_att`, `sms_tmo`, `mms_att`, `mms_tmo`, `sms_prov`, `campaign_prov`.
    var name: String { channel.name }

    /// Failed, in error, or still in flight.
    var isTroubled: Bool { state == .failed || state?.isInFlight == true || !(errorCode ?? "").isEmpty }

    /// Every operation slot of `number` in channel order (one per ``ProvisioningChannel``); `nil` where the
    /// object is missing. Derived once per row (``NumberRow/operationSlots``) for the rules, the report's
    /// counts and its problem list.
    static func slots(of number: ImportedNumber) -> [ProvisioningOperation?] {
        ProvisioningChannel.allCases.map { channel in
            if let carrier = channel.carrier(of: number) {
                return ProvisioningOperation(
                    channel: channel, state: carrier.state, errorCode: carrier.errorCode,
                    errorMessage: carrier.errorMessage, updateTime: carrier.updateTime)
            }
            if let service = channel.service(of: number) {
                return ProvisioningOperation(
                    channel: channel, state: service.state, errorCode: service.errorCode,
                    errorMessage: service.errorMessage, updateTime: service.updateTime)
            }
            return nil
        }
    }
}

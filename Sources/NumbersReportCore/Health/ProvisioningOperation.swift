import SinchImportedNumbers

/// One of the operations of a number that health is judged on: a carrier entry, or SMS or campaign
/// provisioning, under its stable short name.
struct ProvisioningOperation {
    /// The operations' names, in the contract's order.
    static let names = ProvisioningChannel.names

    /// `sms_att`, `sms_tmo`, `mms_att`, `mms_tmo`, `sms_prov`, `campaign_prov`.
    var name: String
    var state: ProvisioningState?
    var errorCode: String?
    var errorMessage: String?
    var updateTime: String?

    /// Failed, in error, or still in flight.
    var isTroubled: Bool { state == .failed || state?.isInFlight == true || !(errorCode ?? "").isEmpty }

    /// Every operation slot of `number` in the contract's order; `nil` where the object is missing.
    static func slots(of number: ImportedNumber) -> [(name: String, operation: ProvisioningOperation?)] {
        let carriers = number.mnoConfiguration
        let carrierEntries = [carriers?.smsAtt, carriers?.smsTmo, carriers?.mmsAtt, carriers?.mmsTmo]
        var slots: [(name: String, operation: ProvisioningOperation?)] = zip(names, carrierEntries).map { name, entry in
            (
                name,
                entry.map {
                    ProvisioningOperation(
                        name: name, state: $0.state, errorCode: $0.errorCode, errorMessage: $0.errorMessage,
                        updateTime: $0.updateTime)
                }
            )
        }
        for (name, provisioning) in [
            ("sms_prov", number.smsProvisioning), ("campaign_prov", number.campaignProvisioning),
        ] {
            slots.append(
                (
                    name,
                    provisioning.map {
                        ProvisioningOperation(
                            name: name, state: $0.state, errorCode: $0.errorCode, errorMessage: $0.errorMessage,
                            updateTime: $0.updateTime)
                    }
                ))
        }
        return slots
    }

    /// The operations of `number` that are present, in the contract's order.
    static func operations(of number: ImportedNumber) -> [ProvisioningOperation] {
        slots(of: number).compactMap(\.operation)
    }
}

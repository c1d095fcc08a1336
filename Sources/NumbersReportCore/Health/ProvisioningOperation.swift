import SinchImportedNumbers

/// One of the operations of a number that health is judged on: a carrier entry, or SMS or campaign
/// provisioning, under its stable short name.
struct ProvisioningOperation {
    /// `sms_att`, `sms_tmo`, `mms_att`, `mms_tmo`, `sms_prov`, `campaign_prov`.
    var name: String
    var state: ProvisioningState?
    var errorCode: String?
    var updateTime: String?

    /// The operations of `number` that are present, in the contract's order.
    static func operations(of number: ImportedNumber) -> [ProvisioningOperation] {
        var operations: [ProvisioningOperation] = []
        operations.reserveCapacity(6)
        let carriers = number.mnoConfiguration
        for (name, carrier) in [
            ("sms_att", carriers?.smsAtt), ("sms_tmo", carriers?.smsTmo), ("mms_att", carriers?.mmsAtt),
            ("mms_tmo", carriers?.mmsTmo),
        ] {
            if let carrier {
                operations.append(
                    .init(
                        name: name, state: carrier.state, errorCode: carrier.errorCode, updateTime: carrier.updateTime))
            }
        }
        for (name, provisioning) in [
            ("sms_prov", number.smsProvisioning), ("campaign_prov", number.campaignProvisioning),
        ] {
            if let provisioning {
                operations.append(
                    .init(
                        name: name, state: provisioning.state, errorCode: provisioning.errorCode,
                        updateTime: provisioning.updateTime))
            }
        }
        return operations
    }
}

import SinchImportedNumbers

/// The six operations of a number that health is judged on, in the contract's order: the one list of
/// channels that the rows, the health rules, the report and the diff take their names from.
enum ProvisioningChannel: CaseIterable, Sendable {
    case smsAtt, smsTmo, mmsAtt, mmsTmo, smsProvisioning, campaignProvisioning

    /// The stable short name: the column prefix and the `health_reasons` / diff prefix (`sms_att`, …).
    var name: String {
        switch self {
        case .smsAtt: "sms_att"
        case .smsTmo: "sms_tmo"
        case .mmsAtt: "mms_att"
        case .mmsTmo: "mms_tmo"
        case .smsProvisioning: "sms_prov"
        case .campaignProvisioning: "campaign_prov"
        }
    }

    /// What the report calls it.
    var title: String {
        switch self {
        case .smsAtt: "SMS · AT&T"
        case .smsTmo: "SMS · T-Mobile"
        case .mmsAtt: "MMS · AT&T"
        case .mmsTmo: "MMS · T-Mobile"
        case .smsProvisioning: "SMS provisioning"
        case .campaignProvisioning: "Campaign provisioning"
        }
    }

    /// The row's column holding its error code (`sms_att_error_code`, …).
    var errorCodeColumn: String { name + "_error_code" }

    /// Its position in ``allCases`` (and in a row's operation slots).
    var index: Int { Self.allCases.firstIndex(of: self)! }

    /// Every channel's ``name``, in order.
    static let names = allCases.map(\.name)

    /// The carrier entries of `mnoConfiguration`, in order.
    static let carriers: [ProvisioningChannel] = [.smsAtt, .smsTmo, .mmsAtt, .mmsTmo]
    /// SMS and campaign provisioning.
    static let services: [ProvisioningChannel] = [.smsProvisioning, .campaignProvisioning]

    /// The channels a number needs to send SMS (both SMS carriers, SMS and campaign provisioning): their absence
    /// or removal is a finding and they decide `sms_ready`; MMS entries may be absent.
    var isNeededForSMS: Bool { self != .mmsAtt && self != .mmsTmo }

    /// The number's carrier entry for this channel; `nil` when absent or for SMS or campaign provisioning.
    func carrier(of number: ImportedNumber) -> CarrierState? {
        switch self {
        case .smsAtt: number.mnoConfiguration?.smsAtt
        case .smsTmo: number.mnoConfiguration?.smsTmo
        case .mmsAtt: number.mnoConfiguration?.mmsAtt
        case .mmsTmo: number.mnoConfiguration?.mmsTmo
        case .smsProvisioning, .campaignProvisioning: nil
        }
    }

    /// The number's SMS or campaign provisioning for this channel; `nil` when absent or for a carrier.
    func service(of number: ImportedNumber) -> ServiceProvisioning? {
        switch self {
        case .smsProvisioning: number.smsProvisioning
        case .campaignProvisioning: number.campaignProvisioning
        case .smsAtt, .smsTmo, .mmsAtt, .mmsTmo: nil
        }
    }
}

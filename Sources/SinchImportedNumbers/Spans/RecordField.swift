/// The text fields of an imported number's record, one for each leaf of `ImportedNumberResponse` that is a
/// string (or a string-or-integer): where ``RecordSpans`` finds a field's value in the page's bytes.
package enum RecordField: Int, CaseIterable, Sendable {
    case phoneNumber, projectId, regionCode, displayName, callbackUrl
    case smsServicePlanId, smsCampaignId
    case scheduledServicePlanId, scheduledCampaignId, scheduledLastUpdatedTime
    case smsAttState, smsAttErrorCode, smsAttErrorMessage, smsAttUpdateTime, smsAttOperation
    case smsTmoState, smsTmoErrorCode, smsTmoErrorMessage, smsTmoUpdateTime, smsTmoOperation
    case mmsAttState, mmsAttErrorCode, mmsAttErrorMessage, mmsAttUpdateTime, mmsAttOperation
    case mmsTmoState, mmsTmoErrorCode, mmsTmoErrorMessage, mmsTmoUpdateTime, mmsTmoOperation
    case smsServiceType, smsServiceId, smsType, smsState, smsUpdateTime, smsErrorMessage, smsErrorCode
    case campaignServiceType, campaignServiceId, campaignType, campaignState, campaignUpdateTime
    case campaignErrorMessage, campaignErrorCode

    /// The members of a carrier entry (`mnoConfiguration.smsAtt`, …) in the order of the `…State` cases.
    package enum CarrierMember: Int, Sendable { case state, errorCode, errorMessage, updateTime, operation }
    /// The members of `smsProvisioning` and `campaignProvisioning` in the order of the `…ServiceType` cases.
    package enum ServiceMember: Int, Sendable {
        case serviceType, serviceId, type, state, updateTime, errorMessage, errorCode
    }

    /// A member of the carrier entry at `carrier` (0 `smsAtt`, 1 `smsTmo`, 2 `mmsAtt`, 3 `mmsTmo`: the order of
    /// `ProvisioningChannel.carriers` and of `MnoConfiguration`'s members).
    package static func carrier(_ carrier: Int, _ member: CarrierMember) -> RecordField {
        RecordField(rawValue: smsAttState.rawValue + 5 * carrier + member.rawValue)!
    }

    /// A member of `smsProvisioning` (`service` 0) or `campaignProvisioning` (1): the order of
    /// `ProvisioningChannel.services`.
    package static func service(_ service: Int, _ member: ServiceMember) -> RecordField {
        RecordField(rawValue: smsServiceType.rawValue + 7 * service + member.rawValue)!
    }
}

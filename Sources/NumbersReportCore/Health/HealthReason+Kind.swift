extension HealthReason {
    /// Every kind of finding the health rules can emit; each has an entry in the ``ReasonCatalog``.
    /// The raw value is the family name the catalog, the README's glossary and the report use.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// `<channel>:FAILED[:<errorCode>]`: an operation failed.
        case operationFailed = "operation_failed"
        /// `sched:FAILED[:<failureCode>]`: the scheduled change of plan or campaign failed.
        case scheduledFailed = "scheduled_failed"
        /// `<channel>:<IN_PROGRESS|WAITING>:<hours>h`, older than `health.staleAfterHours`.
        case stale
        /// `scope_mismatch:<projectId|servicePlanId|campaignId|campaignServiceId>`: an id that is not the scope's.
        case scopeMismatch = "scope_mismatch"
        /// `missing_config:<servicePlanId|campaignId>`: the number's SMS plan or campaign is missing or empty.
        case missingConfiguration = "missing_config"
        /// `<channel>:DEPROVISIONING:DONE`: SMS on a carrier, or SMS or campaign provisioning, was removed.
        case deprovisioned
        /// `migrate_to_sinch_tmo:sms_tmo:<state>`: the number must move to Sinch on T-Mobile and has not.
        case migrationPending = "migration_pending"
        /// `unknown_<state|operation|status>:<channel>:<value>`: a value the API reference does not list, or
        /// `*_UNSPECIFIED`.
        case unknownValue = "unknown_value"
        /// `<channel>:no_state` / `<channel>:no_operation`: a present operation without its state or operation.
        case missingField = "missing_field"
        /// `<channel>:<state>:error:<code>`: an error code on an operation that did not fail.
        case errorWithoutFailure = "error_without_failure"
        /// `<channel>:<state>:age_unknown`: an operation in flight without a readable update time.
        case ageUnknown = "age_unknown"
        /// `sched:error_code_unspecified`: a scheduled change with the failure code `ERROR_CODE_UNSPECIFIED`.
        case unspecifiedFailure = "unspecified_failure"
        /// `absent:<channel>`: `smsAtt`, `smsTmo`, `smsProvisioning` or `campaignProvisioning` missing.
        case absent
        /// `campaign_prov:no_service_id`: campaign provisioning that does not say which campaign.
        case missingServiceID = "missing_service_id"
        /// `undecodable_record`: the record could not be decoded (see `record_error`).
        case undecodableRecord = "undecodable_record"
        /// `<channel>:<IN_PROGRESS|WAITING>:<hours>h`, within `health.staleAfterHours`.
        case pending
    }
}

extension HealthReason.Kind {
    /// The level a finding of this kind sets.
    public var level: HealthLevel {
        switch self {
        case .operationFailed, .scheduledFailed: .failed
        case .stale: .stale
        case .scopeMismatch, .missingConfiguration, .deprovisioned, .migrationPending: .misconfigured
        case .unknownValue, .missingField, .errorWithoutFailure, .ageUnknown, .unspecifiedFailure, .absent,
            .missingServiceID, .undecodableRecord:
            .review
        case .pending: .pending
        }
    }

    /// The shape of its codes in `health_reasons`.
    public var codePattern: String {
        switch self {
        case .operationFailed: "<channel>:FAILED[:<errorCode>]"
        case .scheduledFailed: "sched:FAILED[:<failureCode>]"
        case .stale, .pending: "<channel>:<IN_PROGRESS|WAITING>:<hours>h"
        case .scopeMismatch: "scope_mismatch:<projectId|servicePlanId|campaignId|campaignServiceId>"
        case .missingConfiguration: "missing_config:<servicePlanId|campaignId>"
        case .deprovisioned: "<channel>:DEPROVISIONING:DONE"
        case .migrationPending: "migrate_to_sinch_tmo:sms_tmo:<state>"
        case .unknownValue: "unknown_<state|operation|status>:<channel>:<value>"
        case .missingField: "<channel>:no_state, <channel>:no_operation"
        case .errorWithoutFailure: "<channel>:<state>:error:<errorCode>"
        case .ageUnknown: "<channel>:<IN_PROGRESS|WAITING>:age_unknown"
        case .unspecifiedFailure: "sched:error_code_unspecified"
        case .absent: "absent:<sms_att|sms_tmo|sms_prov|campaign_prov>"
        case .missingServiceID: "campaign_prov:no_service_id"
        case .undecodableRecord: "undecodable_record"
        }
    }
}

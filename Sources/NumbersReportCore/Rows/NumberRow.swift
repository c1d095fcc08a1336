import SinchImportedNumbers

/// The flat row of the contract: one imported number listed by one scope, with its health.
///
/// It keeps the decoded record and the scope that listed it; ``cells`` flattens them into the
/// contract's 54 columns (``NumberRow/columnNames``).
public struct NumberRow: Sendable, Hashable {
    /// The run's clock, `yyyy-MM-ddTHH:mm:ssZ`.
    public var snapshotTime: String
    /// The scope that listed the number.
    public var scope: ScopeSettings
    /// The record as the API sent it.
    public var number: ImportedNumber
    /// The judgement of the health rules.
    public var verdict: HealthVerdict

    public init(snapshotTime: String, scope: ScopeSettings, number: ImportedNumber, verdict: HealthVerdict) {
        self.snapshotTime = snapshotTime
        self.scope = scope
        self.number = number
        self.verdict = verdict
    }

    /// The contract's columns, in order.
    public static let columnNames: [String] = [
        "snapshot_time", "project_id", "scope_service_plan_id", "scope_campaign_id", "scope_label",
        "phone_number", "region_code", "display_name", "callback_url",
        "sms_service_plan_id", "sms_campaign_id", "sms_migrate_to_sinch_tmo",
        "sched_service_plan_id", "sched_campaign_id", "sched_status", "sched_last_updated_time", "sched_error_codes",
        "sms_att_state", "sms_att_operation", "sms_att_error_code", "sms_att_error_message", "sms_att_update_time",
        "sms_tmo_state", "sms_tmo_operation", "sms_tmo_error_code", "sms_tmo_error_message", "sms_tmo_update_time",
        "mms_att_state", "mms_att_operation", "mms_att_error_code", "mms_att_error_message", "mms_att_update_time",
        "mms_tmo_state", "mms_tmo_operation", "mms_tmo_error_code", "mms_tmo_error_message", "mms_tmo_update_time",
        "sms_prov_service_type", "sms_prov_service_id", "sms_prov_type", "sms_prov_state", "sms_prov_update_time",
        "sms_prov_error_code", "sms_prov_error_message",
        "campaign_prov_service_type", "campaign_prov_service_id", "campaign_prov_type", "campaign_prov_state",
        "campaign_prov_update_time", "campaign_prov_error_code", "campaign_prov_error_message",
        "health", "health_reasons", "pending_since",
    ]
}

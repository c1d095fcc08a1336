import ReportWriters
import SinchImportedNumbers

/// Row format v1, frozen: the 54 columns of snapshots made before format v2, so that `render` rebuilds them byte
/// for byte. ``NumberRow/columns`` is the current table.
extension NumberRow {
    /// The v1 columns, in order: health last, no `sms_ready`, `record_project_id`, `record_error`.
    static let columnsV1: [RowColumn] =
        v1ScopeColumns + v1NumberColumns + v1ScheduledColumns
        + ProvisioningChannel.carriers.flatMap(v1CarrierColumns)
        + ProvisioningChannel.services.flatMap(v1ServiceColumns)
        + v1HealthColumns

    private static let v1ListDescription = "A list, joined with ';'."
    private static let v1Health = RowColumn(
        "health", required: true, allowedValues: ["FAILED", "STALE", "MISCONFIGURED", "PENDING", "HEALTHY"]
    ) { .text($0.verdict.level.name) }
    private static let v1SchedErrorCodes = RowColumn("sched_error_codes", description: v1ListDescription) {
        $0.number.smsConfiguration?.scheduledProvisioning?.errorCodes.map { .list($0.map(codeCell)) } ?? .absent
    }

    private static let v1ScopeColumns: [RowColumn] = [
        RowColumn("snapshot_time", required: true) { .text($0.snapshotTime) },
        RowColumn("project_id", required: true) { .text($0.scope.projectId) },
        RowColumn("scope_service_plan_id", required: true) { .text($0.scope.servicePlanId) },
        RowColumn("scope_campaign_id", required: true) { .text($0.scope.campaignId) },
        RowColumn("scope_label") { .optionalText($0.scope.label) },
    ]

    private static let v1NumberColumns: [RowColumn] = [
        RowColumn("phone_number", pattern: "\\+[1-9][0-9]{1,14}", description: "E.164 as the API sent it.") {
            .optionalText($0.number.phoneNumber)
        },
        RowColumn("region_code") { .optionalText($0.number.regionCode) },
        RowColumn("display_name") { .optionalText($0.number.displayName) },
        RowColumn("callback_url") { .optionalText($0.number.callbackUrl) },
        RowColumn("sms_service_plan_id") { .optionalText($0.number.smsConfiguration?.servicePlanId) },
        RowColumn("sms_campaign_id") { .optionalText($0.number.smsConfiguration?.campaignId) },
        RowColumn("sms_migrate_to_sinch_tmo", .boolean) {
            .optionalBoolean($0.number.smsConfiguration?.migrateToSinchTmo)
        },
    ]

    private static let v1ScheduledColumns: [RowColumn] = [
        RowColumn("sched_service_plan_id") {
            .optionalText($0.number.smsConfiguration?.scheduledProvisioning?.servicePlanId)
        },
        RowColumn("sched_campaign_id") { .optionalText($0.number.smsConfiguration?.scheduledProvisioning?.campaignId) },
        RowColumn("sched_status", description: "An undocumented integer code of the API, as received.") {
            $0.number.smsConfiguration?.scheduledProvisioning?.status.map(codeCell) ?? .absent
        },
        RowColumn("sched_last_updated_time") {
            .optionalText($0.number.smsConfiguration?.scheduledProvisioning?.lastUpdatedTime)
        },
        v1SchedErrorCodes,
    ]

    /// `<channel>_state`, `_operation`, `_error_code`, `_error_message`, `_update_time` of a carrier entry.
    private static func v1CarrierColumns(_ channel: ProvisioningChannel) -> [RowColumn] {
        [
            RowColumn(channel.name + "_state") { .optionalText(channel.carrier(of: $0.number)?.state?.rawValue) },
            RowColumn(channel.name + "_operation") {
                .optionalText(channel.carrier(of: $0.number)?.operation?.rawValue)
            },
            RowColumn(channel.errorCodeColumn) { .optionalText(channel.carrier(of: $0.number)?.errorCode) },
            RowColumn(channel.name + "_error_message") { .optionalText(channel.carrier(of: $0.number)?.errorMessage) },
            RowColumn(channel.name + "_update_time") { .optionalText(channel.carrier(of: $0.number)?.updateTime) },
        ]
    }

    /// `<channel>_service_type`, `_service_id`, `_type`, `_state`, `_update_time`, `_error_code`,
    /// `_error_message` of SMS or campaign provisioning.
    private static func v1ServiceColumns(_ channel: ProvisioningChannel) -> [RowColumn] {
        [
            RowColumn(channel.name + "_service_type") {
                .optionalText(channel.service(of: $0.number)?.serviceType?.rawValue)
            },
            RowColumn(channel.name + "_service_id") { .optionalText(channel.service(of: $0.number)?.serviceId) },
            RowColumn(channel.name + "_type") { .optionalText(channel.service(of: $0.number)?.type?.rawValue) },
            RowColumn(channel.name + "_state") { .optionalText(channel.service(of: $0.number)?.state?.rawValue) },
            RowColumn(channel.name + "_update_time") { .optionalText(channel.service(of: $0.number)?.updateTime) },
            RowColumn(channel.errorCodeColumn) { .optionalText(channel.service(of: $0.number)?.errorCode) },
            RowColumn(channel.name + "_error_message") { .optionalText(channel.service(of: $0.number)?.errorMessage) },
        ]
    }

    private static let v1HealthColumns: [RowColumn] = [
        v1Health,
        RowColumn("health_reasons", description: v1ListDescription) {
            .list($0.verdict.reasons.map { .text($0.code) })
        },
        RowColumn("pending_since") { .optionalText($0.verdict.pendingSince) },
    ]

}

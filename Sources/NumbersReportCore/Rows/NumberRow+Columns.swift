import ReportWriters
import SinchImportedNumbers

extension NumberRow {
    /// The contract's 54 columns, in order: the one table that the row's cells, the CSV header, the
    /// NDJSON keys, the data package's schema and `diff` take their names from.
    public static let columns: [RowColumn] =
        scopeColumns + numberColumns + scheduledColumns
        + ProvisioningChannel.carriers.flatMap(carrierColumns) + ProvisioningChannel.services.flatMap(serviceColumns)
        + healthColumns

    /// The columns' names, in order.
    public static let columnNames = columns.map(\.name)

    /// The row's values in ``columns`` order: absent fields as ``Cell/absent``, lists as lists.
    public var cells: [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(Self.columns.count)
        for column in Self.columns { cells.append(column.cell(self)) }
        return cells
    }

    /// A list cell: what the data package says of it.
    static let listDescription = "A list, joined with ';'."

    static let projectID = RowColumn("project_id", required: true) { .text($0.scope.projectId) }
    static let scopeServicePlanID = RowColumn("scope_service_plan_id", required: true) { .text($0.scope.servicePlanId) }
    static let scopeCampaignID = RowColumn("scope_campaign_id", required: true) { .text($0.scope.campaignId) }
    static let phoneNumber = RowColumn(
        "phone_number", pattern: "\\+[1-9][0-9]{1,14}", description: "E.164 as the API sent it."
    ) { .optionalText($0.number.phoneNumber) }
    static let schedErrorCodes = RowColumn("sched_error_codes", description: listDescription) {
        $0.number.smsConfiguration?.scheduledProvisioning?.errorCodes.map { .list($0.map(codeCell)) } ?? .absent
    }
    static let health = RowColumn("health", required: true, allowedValues: HealthLevel.worstFirst.map(\.name)) {
        .text($0.verdict.level.name)
    }

    private static let scopeColumns: [RowColumn] = [
        RowColumn("snapshot_time", required: true) { .text($0.snapshotTime) },
        projectID, scopeServicePlanID, scopeCampaignID,
        RowColumn("scope_label") { .optionalText($0.scope.label) },
    ]

    private static let numberColumns: [RowColumn] = [
        phoneNumber,
        RowColumn("region_code") { .optionalText($0.number.regionCode) },
        RowColumn("display_name") { .optionalText($0.number.displayName) },
        RowColumn("callback_url") { .optionalText($0.number.callbackUrl) },
        RowColumn("sms_service_plan_id") { .optionalText($0.number.smsConfiguration?.servicePlanId) },
        RowColumn("sms_campaign_id") { .optionalText($0.number.smsConfiguration?.campaignId) },
        RowColumn("sms_migrate_to_sinch_tmo", .boolean) {
            .optionalBoolean($0.number.smsConfiguration?.migrateToSinchTmo)
        },
    ]

    private static let scheduledColumns: [RowColumn] = [
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
        schedErrorCodes,
    ]

    /// `<channel>_state`, `_operation`, `_error_code`, `_error_message`, `_update_time` of a carrier entry.
    private static func carrierColumns(_ channel: ProvisioningChannel) -> [RowColumn] {
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
    private static func serviceColumns(_ channel: ProvisioningChannel) -> [RowColumn] {
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

    private static let healthColumns: [RowColumn] = [
        health,
        RowColumn("health_reasons", description: listDescription) { .list($0.verdict.reasons.map { .text($0.code) }) },
        RowColumn("pending_since") { .optionalText($0.verdict.pendingSince) },
    ]

    /// An undocumented integer code: a JSON integer when it is one, else the text received.
    private static func codeCell(_ code: APICode) -> Cell {
        code.integerValue.map(Cell.integer) ?? .text(code.rawValue)
    }
}

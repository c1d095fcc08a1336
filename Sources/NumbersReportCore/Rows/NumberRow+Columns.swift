import ReportWriters
import SinchImportedNumbers

extension NumberRow {
    /// The contract's 57 columns of row format v2, in order: the one table that the row's cells, the CSV header,
    /// the NDJSON keys, the data package's schema and `diff` take their names from. What people read comes first.
    public static let columns: [RowColumn] =
        healthColumns + scopeColumns + numberColumns + scheduledColumns
        + ProvisioningChannel.carriers.flatMap(carrierColumns) + ProvisioningChannel.services.flatMap(serviceColumns)

    /// The columns' names, in order.
    public static let columnNames = columns.map(\.name)

    /// The row's values in ``columns`` order: absent fields as ``Cell/absent``, lists as lists.
    public var cells: [Cell] { cells(of: Self.columns) }

    /// The row's values in the order of `columns`.
    func cells(of columns: [RowColumn]) -> [Cell] {
        // Through a buffer pointer: each column is read in place, not copied (a copy retains its five texts and
        // its closure, 40 columns a row).
        columns.withUnsafeBufferPointer { columns in
            [Cell](unsafeUninitializedCapacity: columns.count) { cells, count in
                for index in columns.indices { (cells.baseAddress! + index).initialize(to: columns[index].cell(self)) }
                count = columns.count
            }
        }
    }

    /// A list cell: what the data package says of it.
    static let listDescription =
        "A list: ';'-separated in CSV, with '\\;' for a ';' and '\\\\' for a '\\' inside an item; an array in NDJSON."

    static let projectID = RowColumn(
        "project_id", required: true, description: "The project of the scope that listed the number (config)."
    ) { .text($0.scope.projectId) }
    static let scopeServicePlanID = RowColumn(
        "scope_service_plan_id", required: true, description: "The service plan of the scope that listed the number."
    ) { .text($0.scope.servicePlanId) }
    static let scopeCampaignID = RowColumn(
        "scope_campaign_id", required: true, description: "The 10DLC campaign of the scope that listed the number."
    ) { .text($0.scope.campaignId) }
    static let phoneNumber = RowColumn(
        "phone_number", pattern: "\\+[1-9][0-9]{1,14}",
        description: "E.164 as the API sent it; empty only for a record that could not be decoded and had none.",
        field: .phoneNumber
    ) { .optionalText($0.number.phoneNumber) }
    static let schedErrorCodes = RowColumn(
        "sched_error_codes",
        description: "scheduledProvisioning.errorCodes as received (integers or names). " + listDescription
    ) {
        $0.number.smsConfiguration?.scheduledProvisioning?.errorCodes.map { .list($0.map(codeCell)) } ?? .absent
    }
    static let health = RowColumn(
        "health", required: true, allowedValues: HealthLevel.worstFirst.map(\.name),
        description:
            "The worst level of the health rules v2: FAILED > STALE > MISCONFIGURED > REVIEW > PENDING > HEALTHY."
    ) { .text($0.verdict.level.name) }

    static let smsReady = RowColumn(
        "sms_ready", .boolean, required: true,
        description: "Whether everything the API said shows that the number can send SMS under the scope's "
            + "campaign today (MMS aside)."
    ) { .boolean($0.verdict.smsReady) }

    private static let healthColumns: [RowColumn] = [
        phoneNumber,
        health,
        smsReady,
        RowColumn(
            "health_reasons",
            description: "Every finding, worst first, as stable codes with detail (see the README's glossary). "
                + listDescription
        ) { .list($0.verdict.reasons.map { .text($0.code) }) },
        RowColumn(
            "pending_since", .datetime, format: "any",
            description: "The oldest update time, as received, among operations still in flight."
        ) { .optionalText($0.verdict.pendingSince) },
    ]

    private static let scopeColumns: [RowColumn] = [
        RowColumn(
            "snapshot_time", .datetime, required: true, description: "The run's clock (UTC) that health is judged at."
        ) { .text($0.snapshotTime) },
        projectID, scopeServicePlanID, scopeCampaignID,
        RowColumn("scope_label", description: "The scope's label in the config.") { .optionalText($0.scope.label) },
    ]

    private static let numberColumns: [RowColumn] = [
        RowColumn("region_code", description: "regionCode: ISO 3166-1 alpha-2 (US or CA).", field: .regionCode) {
            .optionalText($0.number.regionCode)
        },
        RowColumn("display_name", description: "displayName: free text supplied by the customer.", field: .displayName)
        {
            .optionalText($0.number.displayName)
        },
        RowColumn(
            "callback_url", description: "callbackUrl as supplied by the customer (not checked).", field: .callbackUrl
        ) {
            .optionalText($0.number.callbackUrl)
        },
        RowColumn("record_project_id", description: "The record's own projectId, as received.", field: .projectId) {
            .optionalText($0.number.projectId)
        },
        RowColumn(
            "record_error",
            description: "Why the record could not be decoded (its raw bytes are in raw/pages.ndjson.gz); "
                + "empty for a decoded record."
        ) { .optionalText($0.recordError) },
        RowColumn("sms_service_plan_id", description: "smsConfiguration.servicePlanId.", field: .smsServicePlanId) {
            .optionalText($0.number.smsConfiguration?.servicePlanId)
        },
        RowColumn("sms_campaign_id", description: "smsConfiguration.campaignId.", field: .smsCampaignId) {
            .optionalText($0.number.smsConfiguration?.campaignId)
        },
        RowColumn(
            "sms_migrate_to_sinch_tmo", .boolean,
            description: "smsConfiguration.migrateToSinchTmo: the number sits with another aggregator on T-Mobile."
        ) { .optionalBoolean($0.number.smsConfiguration?.migrateToSinchTmo) },
    ]

    private static let scheduledColumns: [RowColumn] = [
        RowColumn(
            "sched_service_plan_id", description: "scheduledProvisioning.servicePlanId: the plan it moves to.",
            field: .scheduledServicePlanId
        ) {
            .optionalText($0.number.smsConfiguration?.scheduledProvisioning?.servicePlanId)
        },
        RowColumn(
            "sched_campaign_id", description: "scheduledProvisioning.campaignId: the campaign it moves to.",
            field: .scheduledCampaignId
        ) {
            .optionalText($0.number.smsConfiguration?.scheduledProvisioning?.campaignId)
        },
        RowColumn(
            "sched_status",
            description: "scheduledProvisioning.status as received: an integer (0 unspecified, 1 WAITING, "
                + "2 IN_PROGRESS, 3 FAILED) or its name."
        ) { $0.number.smsConfiguration?.scheduledProvisioning?.status.map(codeCell) ?? .absent },
        RowColumn(
            "sched_last_updated_time", description: "scheduledProvisioning.lastUpdatedTime, ISO 8601 as received.",
            field: .scheduledLastUpdatedTime
        ) { .optionalText($0.number.smsConfiguration?.scheduledProvisioning?.lastUpdatedTime) },
        schedErrorCodes,
    ]

    /// `<channel>_state`, `_operation`, `_error_code`, `_error_message`, `_update_time` of a carrier entry.
    private static func carrierColumns(_ channel: ProvisioningChannel) -> [RowColumn] {
        let source = "mnoConfiguration entry " + channel.title
        let field = { RecordField.carrier(ProvisioningChannel.carriers.firstIndex(of: channel)!, $0) }
        return [
            RowColumn(
                channel.name + "_state", description: "\(source): state (DONE, FAILED, IN_PROGRESS, …).",
                field: field(.state)
            ) { .optionalText(channel.carrier(of: $0.number)?.state?.rawValue) },
            RowColumn(
                channel.name + "_operation", description: "\(source): operation (PROVISIONING, …).",
                field: field(.operation)
            ) { .optionalText(channel.carrier(of: $0.number)?.operation?.rawValue) },
            RowColumn(
                channel.errorCodeColumn, description: "\(source): errorCode (empty when none).",
                field: field(.errorCode)
            ) { .optionalText(channel.carrier(of: $0.number)?.errorCode) },
            RowColumn(
                channel.name + "_error_message", description: "\(source): errorMessage (empty when none).",
                field: field(.errorMessage)
            ) { .optionalText(channel.carrier(of: $0.number)?.errorMessage) },
            RowColumn(
                channel.name + "_update_time", description: "\(source): updateTime, ISO 8601 as received.",
                field: field(.updateTime)
            ) { .optionalText(channel.carrier(of: $0.number)?.updateTime) },
        ]
    }

    /// `<channel>_service_type`, `_service_id`, `_type`, `_state`, `_update_time`, `_error_code`,
    /// `_error_message` of SMS or campaign provisioning.
    private static func serviceColumns(_ channel: ProvisioningChannel) -> [RowColumn] {
        let source = channel == .smsProvisioning ? "smsProvisioning" : "campaignProvisioning"
        let field = { RecordField.service(ProvisioningChannel.services.firstIndex(of: channel)!, $0) }
        return [
            RowColumn(
                channel.name + "_service_type", description: "\(source).serviceType (SMS or CAMPAIGN).",
                field: field(.serviceType)
            ) { .optionalText(channel.service(of: $0.number)?.serviceType?.rawValue) },
            RowColumn(
                channel.name + "_service_id", description: "\(source).serviceId: the plan or campaign.",
                field: field(.serviceId)
            ) { .optionalText(channel.service(of: $0.number)?.serviceId) },
            RowColumn(
                channel.name + "_type", description: "\(source).type (PROVISIONING or DEPROVISIONING).",
                field: field(.type)
            ) { .optionalText(channel.service(of: $0.number)?.type?.rawValue) },
            RowColumn(
                channel.name + "_state", description: "\(source).state (DONE, FAILED, IN_PROGRESS, …).",
                field: field(.state)
            ) { .optionalText(channel.service(of: $0.number)?.state?.rawValue) },
            RowColumn(
                channel.name + "_update_time", description: "\(source).updateTime, ISO 8601 as received.",
                field: field(.updateTime)
            ) { .optionalText(channel.service(of: $0.number)?.updateTime) },
            RowColumn(
                channel.errorCodeColumn, description: "\(source).errorCode (empty when none).",
                field: field(.errorCode)
            ) { .optionalText(channel.service(of: $0.number)?.errorCode) },
            RowColumn(
                channel.name + "_error_message", description: "\(source).errorMessage (empty when none).",
                field: field(.errorMessage)
            ) { .optionalText(channel.service(of: $0.number)?.errorMessage) },
        ]
    }

    /// An undocumented code: a JSON integer when it is one, else the text received.
    static func codeCell(_ code: APICode) -> Cell {
        code.integerValue.map(Cell.integer) ?? .text(code.rawValue)
    }
}

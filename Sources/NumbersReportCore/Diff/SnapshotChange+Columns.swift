import ReportWriters

extension SnapshotChange {
    /// The columns of a change, in order: what the analyst filters on first (the category, the number, the scope),
    /// then the levels, `sms_ready` and error codes before and after.
    public static let columns: [ChangeColumn] = [
        ChangeColumn(
            "change",
            description: "Its category, worst first: " + Category.allCases.map(\.key).joined(separator: ", ") + "."
        ) {
            change, _ in .text(change.category.key)
        },
        ChangeColumn("phone_number", description: "The number, E.164.") { change, _ in .text(change.phoneNumber) },
        ChangeColumn("scope", description: "The scope's name in the config (its campaign when no longer configured).") {
            change, labels in .text(labels.label(of: change))
        },
        ChangeColumn("project_id", description: "The scope's project.") { change, _ in .text(change.projectId) },
        ChangeColumn("scope_service_plan_id", description: "The scope's service plan.") { change, _ in
            .text(change.servicePlanId)
        },
        ChangeColumn("scope_campaign_id", description: "The scope's campaign.") { change, _ in .text(change.campaignId)
        },
        ChangeColumn("previous_scope", description: "For a moved number: the scope that listed it the previous night.")
        {
            change, labels in .optionalText(labels.previousLabel(of: change))
        },
        ChangeColumn("previous_project_id", description: "For a moved number: that scope's project.") { change, _ in
            .optionalText(change.previousProjectId)
        },
        ChangeColumn("previous_scope_service_plan_id", description: "For a moved number: that scope's service plan.") {
            change, _ in .optionalText(change.previousServicePlanId)
        },
        ChangeColumn("previous_scope_campaign_id", description: "For a moved number: that scope's campaign.") {
            change, _ in
            .optionalText(change.previousCampaignId)
        },
        ChangeColumn("old_health", description: "The level the previous night; empty for an added number.") {
            change, _ in
            .optionalText(change.oldHealth?.name)
        },
        ChangeColumn("new_health", description: "The level tonight; empty for a removed or not fetched number.") {
            change, _ in
            .optionalText(change.newHealth?.name)
        },
        ChangeColumn(
            "old_sms_ready", .boolean, description: "sms_ready the previous night (empty before row format v2)."
        ) {
            change, _ in .optionalBoolean(change.oldSmsReady)
        },
        ChangeColumn("new_sms_ready", .boolean, description: "sms_ready tonight.") { change, _ in
            .optionalBoolean(change.newSmsReady)
        },
        ChangeColumn("old_error_codes", description: "The error codes the previous night, as channel:code.") {
            change, _ in
            .list(change.oldErrorCodes.map(Cell.text))
        },
        ChangeColumn("new_error_codes", description: "The error codes tonight, as channel:code.") { change, _ in
            .list(change.newErrorCodes.map(Cell.text))
        },
    ]

    /// The column names, in order.
    public static let columnNames = columns.map(\.name)

    /// How `changes.csv`, `diff --format csv` and the workbook's *Changes* sheet encode a change, whatever the
    /// config says of `numbers.csv`: formula-like text guarded, list items escaped — so that `diff` prints what
    /// `changes.csv` holds (after its byte order mark).
    public static var csvEncoder: CSVEncoder {
        var encoder = CSVEncoder(excelSafe: true)
        encoder.escapesListItems = true
        return encoder
    }

    /// The change's cells, in the order of ``columns``.
    public func cells(labels: ScopeLabels) -> [Cell] { Self.columns.map { $0.cell(self, labels) } }
}

import ReportWriters

// The *Changes* sheet's wiring, on its own so that it can follow the changes' own column list when there is
// one: today the columns of `diff --format csv` (``DiffOutput/csvHeader``), the rows the report's examples.
extension ProblemsWorkbook {
    /// *Changes*: the changes since the previous night that the report details, in its order; a note says
    /// how many there are in all, or that there is no previous night to compare with.
    func writeChanges(to workbook: WorkbookWriter) throws {
        try workbook.beginTable("Changes", columns: DiffOutput.csvHeader.map { WorkbookColumn($0) })
        guard let changes else {
            workbook.addNote("Changes: no previous snapshot to compare with, so no changes are listed.")
            return
        }
        for change in changes.examples {
            try workbook.appendRow([
                .text(change.kind.rawValue), .text(change.projectId), .text(change.servicePlanId),
                .text(change.campaignId), .text(change.phoneNumber), Self.text(change.oldHealth?.name),
                Self.text(change.newHealth?.name), .text(change.oldErrorCodes.joined(separator: ";")),
                .text(change.newErrorCodes.joined(separator: ";")),
            ])
        }
        if changes.total > changes.examples.count {
            workbook.addNote(
                "Changes: the first \(changes.examples.count) of \(changes.total) changes since "
                    + "\(changes.previousSnapshot); `numbers-report diff` lists them all.")
        }
    }

    private static func text(_ value: String?) -> WorkbookCell { value.map(WorkbookCell.text) ?? .empty }
}

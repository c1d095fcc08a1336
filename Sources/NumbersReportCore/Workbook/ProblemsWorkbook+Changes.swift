import ReportWriters

extension ProblemsWorkbook {
    /// *Changes*: every change since the previous night, worst first, in the columns of `changes.csv`
    /// (``SnapshotChange/columns``; `sms_ready` as booleans, lists `;`-joined as in the CSV); a note says when there
    /// is no previous night to compare with.
    func writeChanges(to workbook: WorkbookWriter) throws {
        try workbook.beginTable(
            "Changes",
            columns: SnapshotChange.columns.map { column in
                column.type == .boolean
                    ? WorkbookColumn(column.name, .boolean)
                    : WorkbookColumn(column.name, width: column.name == NumberRow.phoneNumber.name ? 16 : nil)
            })
        guard let changes else {
            workbook.addNote("Changes: no previous snapshot to compare with, so no changes are listed.")
            return
        }
        let encoder = SnapshotChange.csvEncoder
        try changes.all.forEach { change in
            try workbook.appendRow(
                change.cells(labels: changes.labels).map { cell in
                    switch cell {
                    case .absent: .empty
                    case .text(let text): .text(text)
                    case .boolean(let value): .boolean(value)
                    case .integer(let value): .number(Double(value))
                    case .list(let items): .text(encoder.listText(items))
                    }
                })
        }
    }
}

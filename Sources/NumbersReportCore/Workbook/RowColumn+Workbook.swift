import ReportWriters

extension RowColumn {
    /// The column in `problems.xlsx`: its name, its cells typed by its Table Schema type (datetime → date
    /// cells, boolean → boolean cells, integer → numbers, the rest text) and a width fit for its values.
    var workbookColumn: WorkbookColumn {
        switch type {
        case .datetime: return WorkbookColumn(name, .date)
        case .boolean: return WorkbookColumn(name, .boolean)
        case .integer: return WorkbookColumn(name, .number)
        case .string:
            let wide = ["health_reasons", "callback_url", "display_name", "record_error"]
            if name == NumberRow.phoneNumber.name { return WorkbookColumn(name, width: 16) }
            return WorkbookColumn(name, width: wide.contains(name) || name.hasSuffix("_error_message") ? 40 : nil)
        }
    }
}

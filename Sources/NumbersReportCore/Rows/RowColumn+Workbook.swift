import ReportWriters
import SinchImportedNumbers

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

    /// A row's cell in a column of `type` in the workbook: times as date cells (a time the API sent that is not
    /// RFC 3339 stays text), booleans, integers of integer columns as numbers, lists as in `numbers.csv`
    /// (joined by `csvEncoder`), the rest as text; an empty text is a blank cell, as `numbers.csv` cannot tell it
    /// from an absent value either.
    static func workbookCell(_ cell: Cell, type: ValueType, csvEncoder: CSVEncoder) -> WorkbookCell {
        switch (cell, type) {
        case (.absent, _), (.text(""), _): .empty
        case (.text(let text), .datetime):
            APITimestamp.parse(text).map { WorkbookCell.date(secondsSince1970: $0.timeIntervalSince1970) }
                ?? .text(text)
        case (.boolean(let flag), _): .boolean(flag)
        case (.integer(let number), .integer): .number(Double(number))
        case (.integer(let number), _): .text(String(number))
        case (.text(let text), _): .text(text)
        case (.list(let items), _): items.isEmpty ? .empty : .text(csvEncoder.listText(items))
        }
    }
}

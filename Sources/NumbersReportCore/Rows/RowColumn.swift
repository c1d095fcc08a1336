import ReportWriters
import SinchImportedNumbers

/// One column of the flat row: its name (the CSV header, the NDJSON key), its type, constraints and
/// description in `datapackage.json`, and how a row fills it. ``NumberRow/columns`` is the one list.
public struct RowColumn: Sendable {
    /// The column's name in the contract, e.g. `sms_att_state`.
    public let name: String
    /// Its Table Schema type.
    public let type: ValueType
    /// Every row has a value.
    public let required: Bool
    /// The values allowed, when they are a closed list.
    public let allowedValues: [String]?
    /// A regular expression every value matches.
    public let pattern: String?
    /// The Table Schema `format` (`any` for times written as the API sent them).
    public let format: String?
    /// What the data package says about it.
    public let description: String?
    /// The row's value.
    let cell: @Sendable (NumberRow) -> Cell
    /// The record's text field the column holds as received, when it is one: the row files then copy its bytes
    /// from the page (``RecordSource``) instead of making ``cell``; both give the same value.
    let field: RecordField?

    /// A Table Schema type.
    public enum ValueType: String, Sendable {
        case string, boolean, datetime, integer
    }

    init(
        _ name: String, _ type: ValueType = .string, required: Bool = false, allowedValues: [String]? = nil,
        pattern: String? = nil, format: String? = nil, description: String? = nil, field: RecordField? = nil,
        cell: @escaping @Sendable (NumberRow) -> Cell
    ) {
        self.field = field
        self.name = name
        self.type = type
        self.required = required
        self.allowedValues = allowedValues
        self.pattern = pattern
        self.format = format
        self.description = description
        self.cell = cell
    }
}

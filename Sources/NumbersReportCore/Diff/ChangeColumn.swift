import ReportWriters

/// One column of a change as `changes.csv`, `diff --format csv|json` and the workbook's *Changes* sheet write it:
/// its name, type and how a change fills it. ``SnapshotChange/columns`` is the one list.
public struct ChangeColumn: Sendable {
    /// The CSV header, the JSON key.
    public let name: String
    /// Its Table Schema type (`string` or `boolean`).
    public let type: RowColumn.ValueType
    /// What it holds.
    public let description: String
    /// The change's value, with the scopes named by `labels`.
    let cell: @Sendable (SnapshotChange, ScopeLabels) -> Cell

    init(
        _ name: String, _ type: RowColumn.ValueType = .string, description: String,
        cell: @escaping @Sendable (SnapshotChange, ScopeLabels) -> Cell
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.cell = cell
    }
}

/// The layout of the flat row and the rules that judge it. New snapshots are written in ``current``; `render`
/// rebuilds an older snapshot in its own format (recorded in `raw/run.json`), and `diff` reads both.
public enum RowFormat: Int, Sendable, Hashable, Codable, CaseIterable {
    /// 54 columns, health last; health rules v1 (``HealthRulesV1``).
    case v1 = 1
    /// 57 columns, `phone_number, health, sms_ready, health_reasons, pending_since` first; health rules v2.
    case v2 = 2

    /// The format new snapshots are written in.
    public static let current = RowFormat.v2

    /// The columns, in order.
    public var columns: [RowColumn] {
        switch self {
        case .v1: NumberRow.columnsV1
        case .v2: NumberRow.columns
        }
    }

    /// The columns' names, in order.
    public var columnNames: [String] {
        switch self {
        case .v1: Self.v1Names
        case .v2: NumberRow.columnNames
        }
    }

    /// Whether a `;` or `\` inside a list item is escaped in CSV (`\;`, `\\`), so that the cell splits back
    /// exactly. v1 joined the items as they were.
    var escapesListItems: Bool { self != .v1 }

    private static let v1Names = NumberRow.columnsV1.map(\.name)
}

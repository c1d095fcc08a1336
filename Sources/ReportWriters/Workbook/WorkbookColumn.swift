/// One column of a workbook sheet: its header, the type of its cells and its width.
public struct WorkbookColumn: Sendable, Hashable {
    /// How the column's cells are typed in the sheet.
    public enum Kind: Sendable, Hashable {
        /// Text cells (inline strings): never read as a number or a formula, so `+1206…` keeps its `+`.
        case text
        /// Date cells: a serial number with the date style (`yyyy-mm-dd hh:mm:ss.000`).
        case date
        /// Boolean cells (`t="b"`).
        case boolean
        /// Number cells.
        case number
    }

    /// The header cell.
    public var title: String
    public var kind: Kind
    /// In characters of the default font, as Excel counts them.
    public var width: Double

    /// - Parameter width: `nil` for a width from the title and kind (at least 10, at most 40 characters).
    public init(_ title: String, _ kind: Kind = .text, width: Double? = nil) {
        self.title = title
        self.kind = kind
        self.width = width ?? Self.defaultWidth(title, kind)
    }
}

extension WorkbookColumn {
    /// At least 10 characters, at most 40: the title with room for the filter button.
    fileprivate static func defaultWidth(_ title: String, _ kind: Kind) -> Double {
        switch kind {
        case .date: 24
        case .boolean, .number: Double(max(10, title.count + 3))
        case .text: Double(min(40, max(12, title.count + 3)))
        }
    }
}

/// Which cells of a worksheet name their place (`r="B5"`).
public enum CellReferences: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every cell, as Excel writes them: what every reader of the format takes.
    case every
    /// Only a cell after a gap: one that follows the cell before it in its row, or is the row's first in column A,
    /// does not (ECMA-376 Part 1, 18.3.1.4: `r` is optional, and such a cell is the next column's). The row number
    /// in every cell's reference is what deflate compresses worst: a sheet of 77,000 problem rows deflates to a
    /// third less in 40% less time. Excel, LibreOffice and openpyxl read such cells; ClosedXML, EPPlus and code
    /// that reads the Open XML SDK's `CellReference` have been reported not to.
    case afterGaps
}

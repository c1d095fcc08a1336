/// A plain-text table for terminals and logs: columns padded to their widest cell, a rule under the
/// header, numbers right-aligned. Cells are made safe one-line text (control characters escaped,
/// at most `maxCellLength` characters): they hold what the API and the config said.
public enum TextTable {
    /// The longest cell shown; longer ones are cut.
    public static let maxCellLength = 200

    /// The rows as a table, the first row the header.
    public static func render(_ unsafeRows: [[String]]) -> String {
        let rows = unsafeRows.map { $0.map { SafeText.line($0, limit: maxCellLength) } }
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return isNumeric(cell) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.dropFirst().map(line)
        return lines.joined(separator: "\n")
    }

    private static func isNumeric(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        return first.isNumber && !cell.contains(".") || cell.hasSuffix(" ms") || cell.hasSuffix("/s")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

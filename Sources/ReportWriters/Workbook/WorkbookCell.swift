/// One value of a workbook row. Where its column's kind says otherwise (a date column holding a text
/// that is not a date), the cell's own type wins.
public enum WorkbookCell: Sendable, Hashable {
    /// No cell is written.
    case empty
    case text(String)
    /// Days since 1899-12-30 (Excel's 1900 date system), the fraction being the time of day: written as a
    /// number with the date style.
    case date(Double)
    case boolean(Bool)
    case number(Double)

    /// Excel's limit on a cell's text, in UTF-16 code units.
    public static let maximumTextLength = 32_767
    /// What ends a text cut at ``maximumTextLength``.
    public static let truncationMarker = "… [truncated]"

    /// `text`, cut to ``maximumTextLength`` with ``truncationMarker`` at its end when longer.
    static func fitted(_ text: String) -> String {
        guard text.utf16.count > maximumTextLength else { return text }
        let room = maximumTextLength - truncationMarker.utf16.count
        var kept = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf16.count
            guard used + width <= room else { break }
            kept.append(scalar)
            used += width
        }
        return String(kept) + truncationMarker
    }

    /// The serial of the instant `secondsSince1970` (UTC): Excel's day 25569 is 1970-01-01.
    public static func date(secondsSince1970: Double) -> WorkbookCell {
        .date(secondsSince1970 / 86_400 + 25_569)
    }
}

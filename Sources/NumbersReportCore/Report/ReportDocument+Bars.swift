import ReportWriters

extension ReportDocument {
    /// A bar drawn as one row of table cells with inline background colours: Gmail, Outlook and Apple Mail all
    /// draw table cells, where Outlook drops the width of a `div`. Segments are (level, percent of the full width);
    /// the rest of the width stays blank.
    static func appendBar(_ parent: XHTMLElement, _ segments: [(level: HealthLevel, percent: Double)], label: String) {
        let shown = segments.filter { $0.percent >= 0.05 }
        let used = min(shown.reduce(0) { $0 + $1.percent }, 100)
        let row = parent.append("table", ["style": ReportStyle.barTable, "summary": label]).append("tr")
        for segment in shown {
            row.append(
                "td", ["style": ReportStyle.barCell(segment.level, percent: min(segment.percent, 100))], text: "\u{A0}")
        }
        if used < 99.95 {
            row.append("td", ["style": ReportStyle.barRest(percent: 100 - used)], text: "\u{A0}")
        }
    }
}

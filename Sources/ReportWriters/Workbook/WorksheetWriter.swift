/// One worksheet's XML (`xl/worksheets/sheetN.xml`), written row by row with ``XMLStreamWriter`` into a
/// zip entry: a frozen header row, the columns' widths, the rows, and an autofilter over the header.
final class WorksheetWriter {
    /// The cell styles of `styles.xml`: default, date, header.
    enum Style: Int {
        case plain = 0, date = 1, header = 2
    }

    private let columns: [WorkbookColumn]
    private let xml: XMLStreamWriter
    private let sink: any ByteSink
    /// Rows written so far, the header included.
    private(set) var rowCount = 0
    private static let drainEvery = 256

    init(columns: [WorkbookColumn], into sink: any ByteSink) throws {
        self.columns = columns
        self.sink = sink
        xml = try XMLStreamWriter()
        try xml.start("worksheet")
        try xml.attribute("xmlns", WorkbookWriter.mainNamespace)
        try xml.attribute("xmlns:r", WorkbookWriter.relationshipNamespace)
        try xml.start("sheetViews")
        try xml.start("sheetView")
        try xml.attribute("workbookViewId", "0")
        try xml.empty("pane", ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        try xml.empty("selection", ["pane": "bottomLeft", "activeCell": "A2", "sqref": "A2"])
        try xml.end()
        try xml.end()
        try xml.start("cols")
        for (index, column) in columns.enumerated() {
            let number = String(index + 1)
            try xml.empty(
                "col", ["min": number, "max": number, "width": String(column.width), "customWidth": "1"])
        }
        try xml.end()
        try xml.start("sheetData")
        try appendRow(columns.map { .text($0.title) }, style: .header)
    }

    /// The header's range, and the autofilter's: `A1:BE1` for 57 columns.
    var filterRange: String { "A1:\(Self.columnName(max(0, columns.count - 1)))\(max(1, rowCount))" }

    /// Appends a row; cells past the columns are dropped.
    func appendRow(_ cells: [WorkbookCell], style: Style? = nil) throws {
        rowCount += 1
        let row = String(rowCount)
        try xml.start("row")
        try xml.attribute("r", row)
        for (index, cell) in zip(cells.indices, cells) where index < columns.count {
            try write(cell, reference: Self.columnName(index) + row, style: style)
        }
        try xml.end()
        if rowCount % Self.drainEvery == 0 { try xml.drain(into: sink) }
    }

    private func write(_ cell: WorkbookCell, reference: String, style: Style?) throws {
        switch cell {
        case .empty: return
        case .text(let text):
            try xml.start("c")
            try xml.attribute("r", reference)
            if let style { try xml.attribute("s", String(style.rawValue)) }
            try xml.attribute("t", "inlineStr")
            try xml.start("is")
            try xml.start("t")
            let fitted = WorkbookCell.fitted(text)
            if fitted.first?.isWhitespace == true || fitted.last?.isWhitespace == true {
                try xml.attribute("xml:space", "preserve")
            }
            try xml.text(fitted)
            try xml.end()
            try xml.end()
            try xml.end()
        case .date(let serial):
            try value(reference: reference, type: nil, style: .date, String(serial))
        case .boolean(let value):
            try self.value(reference: reference, type: "b", style: style, value ? "1" : "0")
        case .number(let number):
            try value(reference: reference, type: nil, style: style, String(number))
        }
    }

    private func value(reference: String, type: String?, style: Style?, _ text: String) throws {
        try xml.start("c")
        try xml.attribute("r", reference)
        if let style { try xml.attribute("s", String(style.rawValue)) }
        if let type { try xml.attribute("t", type) }
        try xml.element("v", text: text)
        try xml.end()
    }

    /// Ends the rows, adds the autofilter, and closes the sheet's entry.
    func finish() throws {
        try xml.end()  // sheetData
        try xml.empty("autoFilter", ["ref": filterRange])
        try xml.finish(into: sink)
        try sink.close()
    }

    /// `A`, …, `Z`, `AA`, …: the name of the column at `index` (from 0).
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }
}

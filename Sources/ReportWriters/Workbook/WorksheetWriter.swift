/// One worksheet's XML (`xl/worksheets/sheetN.xml`), written row by row into a zip entry: a frozen header
/// row, the columns' widths, the rows, and an autofilter over the header.
///
/// A sheet holds as many rows as the night has problems, 40 cells each: its XML is written as bytes here
/// (``SheetXML``), not through libxml2's text writer, whose per-call cost was most of the workbook's. The
/// bytes are the ones libxml2's `xmlTextWriter` gave: the same declaration, escapes and attribute order.
final class WorksheetWriter {
    /// The cell styles of `styles.xml`: default, date, header.
    enum Style: Int {
        case plain = 0, date = 1, header = 2
    }

    private let columns: [WorkbookColumn]
    /// `A`, `B`, …: each column's name, as bytes.
    private let columnNames: [[UInt8]]
    private let sink: any ByteSink
    private var buffer: [UInt8] = []
    /// Rows written so far, the header included.
    private(set) var rowCount = 0
    /// The buffer is handed to the sink once it holds this many bytes.
    private static let drainBytes = 1 << 16

    init(columns: [WorkbookColumn], into sink: any ByteSink) throws {
        self.columns = columns
        self.sink = sink
        columnNames = columns.indices.map { Array(Self.columnName($0).utf8) }
        buffer.reserveCapacity(Self.drainBytes + (1 << 14))
        SheetXML.append(SheetXML.declaration, to: &buffer)
        SheetXML.append(
            "<worksheet xmlns=\"\(WorkbookWriter.mainNamespace)\" xmlns:r=\"\(WorkbookWriter.relationshipNamespace)\">"
                + "<sheetViews><sheetView workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews><cols>",
            to: &buffer)
        for (index, column) in columns.enumerated() {
            let number = String(index + 1)
            SheetXML.append(
                "<col min=\"\(number)\" max=\"\(number)\" width=\"\(column.width)\" customWidth=\"1\"/>", to: &buffer)
        }
        SheetXML.append("</cols><sheetData>", to: &buffer)
        try appendRow(columns.map { .text($0.title) }, style: .header)
    }

    /// The header's range, and the autofilter's: `A1:BE1` for 57 columns.
    var filterRange: String { "A1:\(Self.columnName(max(0, columns.count - 1)))\(max(1, rowCount))" }

    /// Appends a row; cells past the columns are dropped.
    func appendRow(_ cells: [WorkbookCell], style: Style? = nil) throws {
        rowCount += 1
        let row = Array(String(rowCount).utf8)
        buffer.append(contentsOf: SheetXML.rowStart)
        buffer.append(contentsOf: row)
        buffer.append(contentsOf: SheetXML.quoteClose)
        var wroteCell = false
        for (index, cell) in zip(cells.indices, cells) where index < columns.count {
            wroteCell = write(cell, column: columnNames[index], row: row, style: style) || wroteCell
        }
        // libxml2 closed an element without content as `<row r="5"/>`.
        if wroteCell {
            buffer.append(contentsOf: SheetXML.rowEnd)
        } else {
            buffer.removeLast(1)
            buffer.append(contentsOf: SheetXML.emptyEnd)
        }
        if buffer.count >= Self.drainBytes { try drain() }
    }

    /// Writes one cell; `false` for an empty one, which is not written.
    private func write(_ cell: WorkbookCell, column: [UInt8], row: [UInt8], style: Style?) -> Bool {
        switch cell {
        case .empty: return false
        case .text(let text):
            cellStart(column: column, row: row, style: style)
            let fitted = WorkbookCell.fitted(text)
            if Self.hasOuterWhitespace(fitted) {
                buffer.append(contentsOf: SheetXML.inlineTextPreserved)
            } else {
                buffer.append(contentsOf: SheetXML.inlineText)
            }
            SheetXML.appendEscaped(fitted, to: &buffer)
            buffer.append(contentsOf: SheetXML.inlineTextEnd)
        case .date(let serial):
            value(column: column, row: row, type: nil, style: .date, String(serial))
        case .boolean(let flag):
            value(column: column, row: row, type: "b", style: style, flag ? "1" : "0")
        case .number(let number):
            value(column: column, row: row, type: nil, style: style, String(number))
        }
        return true
    }

    /// `<c r="B5" s="2"` (the type attribute and the rest follow).
    private func cellStart(column: [UInt8], row: [UInt8], style: Style?) {
        buffer.append(contentsOf: SheetXML.cellStart)
        buffer.append(contentsOf: column)
        buffer.append(contentsOf: row)
        buffer.append(UInt8(ascii: "\""))
        if let style {
            buffer.append(contentsOf: SheetXML.styleAttribute)
            SheetXML.append(String(style.rawValue), to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        }
    }

    private func value(column: [UInt8], row: [UInt8], type: String?, style: Style?, _ text: String) {
        cellStart(column: column, row: row, style: style)
        if let type { SheetXML.append(" t=\"\(type)\"", to: &buffer) }
        buffer.append(contentsOf: SheetXML.valueStart)
        SheetXML.appendEscaped(text, to: &buffer)
        buffer.append(contentsOf: SheetXML.valueEnd)
    }

    private func drain() throws {
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the rows, adds the autofilter, and closes the sheet's entry.
    func finish() throws {
        SheetXML.append("</sheetData><autoFilter ref=\"\(filterRange)\"/></worksheet>\n", to: &buffer)
        try drain()
        try sink.close()
    }

    /// Whether `text` starts or ends with whitespace (then its spaces are kept with `xml:space`): ASCII ends are
    /// looked at as bytes, others as `Character`s (Unicode's properties are costly in a 40-column row).
    static func hasOuterWhitespace(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        if first < 0x80 && last < 0x80 {
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            return isSpace(first) || isSpace(last)
        }
        return text.first?.isWhitespace == true || text.last?.isWhitespace == true
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

/// One worksheet's XML (`xl/worksheets/sheetN.xml`), written row by row into a zip entry: a frozen header
/// row, the columns' widths, the rows, and an autofilter over the header.
///
/// A sheet holds as many rows as the night has problems, 40 cells each: its XML is written as bytes here
/// (``SheetXML``), not through libxml2's text writer, whose per-call cost was most of the workbook's. The
/// bytes are the ones libxml2's `xmlTextWriter` gave: the same declaration, escapes and attribute order; with
/// ``CellReferences/afterGaps``, a cell that follows the one before it leaves its place out.
final class WorksheetWriter {
    /// The cell styles of `styles.xml`: default, date, header.
    enum Style: Int {
        case plain = 0, date = 1, header = 2
    }

    private let columns: [WorkbookColumn]
    private let encoder: SheetRowEncoder
    private let sink: any ByteSink
    private var buffer: [UInt8] = []
    /// Rows written so far, the header included.
    private(set) var rowCount = 0
    /// The buffer is handed to the sink once it holds this many bytes.
    private static let drainBytes = 1 << 16

    init(columns: [WorkbookColumn], into sink: any ByteSink, cellReferences: CellReferences) throws {
        self.columns = columns
        self.sink = sink
        encoder = SheetRowEncoder(columnCount: columns.count, cellReferences: cellReferences)
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
        encoder.append(cells, row: Array(String(rowCount).utf8), style: style, to: &buffer)
        if buffer.count >= Self.drainBytes { try drain() }
    }

    /// Appends rows encoded by ``SheetRows`` from `rows[start...]` (a piece of their stream: its first bytes may end a
    /// row begun in the piece before), each marker beginning the next row, each placeholder that row's number. Stops
    /// at the marker of a row the sheet has no room for (it holds `maximumRows`): returns that marker's index, or
    /// `rows.count` when every byte went in.
    func appendEncodedRows(_ rows: UnsafeRawBufferPointer, from start: Int, maximumRows: Int) throws -> Int {
        // The buffer and the row count are worked on as locals and put back once: each access to a property of this
        // class would be checked for exclusivity at run time, and a row has one place a cell. The digits are those of
        // the row begun last, here or in the piece before.
        var bytes: [UInt8] = []
        swap(&bytes, &buffer)
        var count = rowCount
        var digits = Array(String(count).utf8)
        defer {
            swap(&bytes, &buffer)
            rowCount = count
        }
        var start = start
        var index = SheetRows.nextMark(in: rows, from: start)
        while index < rows.count {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: rows[start..<index]))
            if rows[index] == SheetRows.rowMarker {
                if count >= maximumRows { return index }
                count += 1
                digits = Array(String(count).utf8)
            } else {
                bytes.append(contentsOf: digits)
            }
            start = index + 1
            if bytes.count >= Self.drainBytes { try drain(&bytes) }
            index = SheetRows.nextMark(in: rows, from: start)
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: rows[start...]))
        if bytes.count >= Self.drainBytes { try drain(&bytes) }
        return rows.count
    }

    private func drain() throws { try drain(&buffer) }

    private func drain(_ bytes: inout [UInt8]) throws {
        try sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Ends the rows, adds the autofilter, and closes the sheet's entry.
    func finish() throws {
        SheetXML.append("</sheetData><autoFilter ref=\"\(filterRange)\"/></worksheet>\n", to: &buffer)
        try drain()
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

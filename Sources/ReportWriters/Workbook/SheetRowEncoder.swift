/// Encodes a row of cells as worksheet XML (``SheetXML``): `<row r="5"><c …>…</c><c r="D5" …>…</c>…</row>`, empty
/// cells left out, `<row r="5"/>` for a row without any. The row number is given as bytes: its digits, or
/// ``SheetRows``' placeholder when the row's place is not known yet.
///
/// Every cell names its place (`r`), or, with ``CellReferences/afterGaps``, only a cell after a gap.
struct SheetRowEncoder {
    /// `<c r="A`, `<c r="B`, …: the start of each column's cells, before the row's number.
    private let cellStarts: ByteStringTable
    /// The row number all rows have when given to ``init(columnCount:fixedRow:cellReferences:)``, if any.
    private let fixedRow: [UInt8]?
    /// `<c r="B` + ``fixedRow`` + `"` for each column: a cell's start in such a row without a style, in one append.
    private let fixedRowCellStarts: ByteStringTable
    /// Whether a cell that follows the one before it leaves its place out.
    private let leavesOutFollowingPlaces: Bool

    /// - Parameters:
    ///   - columnCount: the table's columns (cells past them are dropped).
    ///   - fixedRow: the number every row is given as (``SheetRows``' placeholder), for which each column's cell
    ///     start is made once; `nil` when rows have their own numbers.
    ///   - cellReferences: which cells name their place.
    init(columnCount: Int, fixedRow: [UInt8]? = nil, cellReferences: CellReferences) {
        leavesOutFollowingPlaces = cellReferences == .afterGaps
        let starts = (0..<columnCount).map { SheetXML.cellStart + Array(WorksheetWriter.columnName($0).utf8) }
        cellStarts = ByteStringTable(starts)
        self.fixedRow = fixedRow
        fixedRowCellStarts = ByteStringTable(
            fixedRow.map { row in starts.map { $0 + row + [UInt8(ascii: "\"")] } } ?? [])
    }

    /// Appends the row; cells past the columns are dropped.
    func append<Output: ByteOutput & ~Copyable>(
        _ cells: [WorkbookCell], row: [UInt8], style: WorksheetWriter.Style?, to buffer: inout Output
    ) {
        append(cellCount: cells.count, row: row, style: style, to: &buffer) { .cell(cells[$0]) }
    }

    /// Appends the row of `cellCount` values, each asked of `value` by its index; values past the columns are
    /// dropped.
    func append<Output: ByteOutput & ~Copyable>(
        cellCount: Int, row: [UInt8], style: WorksheetWriter.Style?, to buffer: inout Output,
        _ value: (Int) -> SheetRows.Value
    ) {
        assert(fixedRow == nil || row == fixedRow, "every row of an encoder with a fixed row has that number")
        buffer.append(SheetXML.rowStart)
        buffer.append(row)
        buffer.append(SheetXML.quoteClose)
        var lastWritten = -1
        for index in 0..<min(cellCount, cellStarts.count) {
            let place = Place(column: index, row: row, follows: leavesOutFollowingPlaces && index == lastWritten + 1)
            let wrote =
                switch value(index) {
                case .cell(let cell): write(cell, at: place, style: style, to: &buffer)
                case .plainText(let text): write(plainText: text, at: place, style: style, to: &buffer)
                }
            if wrote { lastWritten = index }
        }
        // libxml2 closed an element without content as `<row r="5"/>`.
        if lastWritten >= 0 {
            buffer.append(SheetXML.rowEnd)
        } else {
            buffer.removeLast()
            buffer.append(SheetXML.emptyEnd)
        }
    }

    /// Where a cell goes: its column, its row's number, and whether it does not name its place (it directly follows
    /// the last cell written in the row, and such cells leave their place out).
    private struct Place {
        let column: Int
        let row: [UInt8]
        let follows: Bool
    }

    /// Writes one cell; `false` for an empty one, which is not written.
    private func write<Output: ByteOutput & ~Copyable>(
        _ cell: WorkbookCell, at place: Place, style: WorksheetWriter.Style?, to buffer: inout Output
    ) -> Bool {
        switch cell {
        case .empty: return false
        case .text(let text):
            cellStart(at: place, style: style, to: &buffer)
            let fitted = WorkbookCell.fitted(text)
            if Self.hasOuterWhitespace(fitted) {
                buffer.append(SheetXML.inlineTextPreserved)
            } else {
                buffer.append(SheetXML.inlineText)
            }
            SheetXML.appendEscaped(fitted, to: &buffer)
            buffer.append(SheetXML.inlineTextEnd)
        case .date(let serial):
            value(at: place, type: nil, style: .date, String(serial), to: &buffer)
        case .boolean(let flag):
            value(at: place, type: "b", style: style, flag ? "1" : "0", to: &buffer)
        case .number(let number):
            value(at: place, type: nil, style: style, String(number), to: &buffer)
        }
        return true
    }

    /// Writes a text cell of printable ASCII (``SheetRows/Value/plainText(_:)``): what
    /// ``write(_:at:style:to:)`` writes of `.text` (nothing for an empty text) without making a `String`, which such
    /// text does not need (``SafeText`` keeps it as it is; it is never longer than a cell may be unless it has more
    /// bytes).
    private func write<Output: ByteOutput & ~Copyable>(
        plainText text: UnsafeBufferPointer<UInt8>, at place: Place, style: WorksheetWriter.Style?,
        to buffer: inout Output
    ) -> Bool {
        assert(text.allSatisfy { (0x20...0x7E).contains($0) }, "plain text is printable ASCII")
        guard let first = text.first, let last = text.last else { return false }
        guard text.count <= WorkbookCell.maximumTextLength else {
            return write(
                .text(String(decoding: text, as: UTF8.self)), at: place, style: style, to: &buffer)
        }
        cellStart(at: place, style: style, to: &buffer)
        let space = UInt8(ascii: " ")  // the only whitespace of printable ASCII
        buffer.append(first == space || last == space ? SheetXML.inlineTextPreserved : SheetXML.inlineText)
        SheetXML.appendEscaped(utf8: text, to: &buffer)
        buffer.append(SheetXML.inlineTextEnd)
        return true
    }

    /// `<c r="B5" s="2"`, or `<c s="2"` for a cell that follows the one before it (the type attribute and the rest
    /// follow).
    private func cellStart<Output: ByteOutput & ~Copyable>(
        at place: Place, style: WorksheetWriter.Style?, to buffer: inout Output
    ) {
        if place.follows {
            buffer.append(SheetXML.cellOpen)
        } else if style == nil, fixedRow != nil {  // every row has the fixed number (asserted once a row)
            fixedRowCellStarts.append(place.column, to: &buffer)
            return
        } else {
            cellStarts.append(place.column, to: &buffer)
            buffer.append(place.row)
            buffer.append(UInt8(ascii: "\""))
        }
        if let style {
            buffer.append(SheetXML.styleAttribute)
            SheetXML.append(String(style.rawValue), to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        }
    }

    private func value<Output: ByteOutput & ~Copyable>(
        at place: Place, type: String?, style: WorksheetWriter.Style?, _ text: String, to buffer: inout Output
    ) {
        cellStart(at: place, style: style, to: &buffer)
        if let type { SheetXML.append(" t=\"\(type)\"", to: &buffer) }
        buffer.append(SheetXML.valueStart)
        SheetXML.appendEscaped(text, to: &buffer)
        buffer.append(SheetXML.valueEnd)
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
}

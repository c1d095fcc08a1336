/// Writes an Office Open XML workbook (`.xlsx`) as a stream: tables of typed cells, each on a sheet of
/// its own with a frozen, filtered header row, into a deterministic zip (``ZipWriter``). The sheets' XML is
/// written as bytes, as libxml2's `xmlTextWriter` wrote it (``WorksheetWriter``; every cell names its place unless
/// told ``CellReferences/afterGaps``); rows go to the zip entry as they come (one by one, or encoded ahead by
/// ``SheetRows``), so a table of a million rows is never held in memory.
///
/// A table longer than a sheet (Excel's 1,048,576 rows, the header included) goes on over sheets named
/// `Name (2)`, `Name (3)`, … each with the header again, and a *Notes* sheet, last, says so. ``addNote(_:)``
/// puts other notes there. The same calls give the same bytes.
public final class WorkbookWriter {
    /// Rows of one Excel sheet, the header included.
    public static let maximumRowsPerSheet = 1_048_576

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A sheet written: its name and the range of its autofilter.
    struct Sheet {
        var name: String
        var filterRange: String
    }

    private let zip: ZipWriter
    private let maximumRows: Int
    private let cellReferences: CellReferences
    private(set) var sheets: [Sheet] = []
    private var notes: [String] = []
    private var table: (name: String, columns: [WorkbookColumn], part: Int, sheet: WorksheetWriter)?

    /// igzip's level for the workbook's parts. Sheet XML is verbose and compresses well: at 200,000 numbers (77,217
    /// problem rows, 188 MB of sheet XML) igzip's level 2 takes 0.15 s and gives 25.5 MB, level 3 0.47 s for 24.6 MB;
    /// zlib took 0.91 s for 23.8 MB at its level 3, 1.8 s for 20.2 MB at 6 (the fake's data). With
    /// ``CellReferences/afterGaps`` (160 MB) zlib's level 3 took 0.49 s for 15.1 MB.
    public static let deflateLevel: UInt32 = 2

    /// - Parameters:
    ///   - maximumRowsPerSheet: where a table goes on to its next sheet (tests make it small).
    ///   - cellReferences: which cells name their place (rows given to ``appendRows(_:)`` were encoded by
    ///     ``SheetRows`` told the same).
    public init(
        downstream: any ByteSink, maximumRowsPerSheet: Int = WorkbookWriter.maximumRowsPerSheet,
        cellReferences: CellReferences = .every
    ) {
        zip = ZipWriter(downstream: downstream, level: Self.deflateLevel)
        maximumRows = max(2, maximumRowsPerSheet)
        self.cellReferences = cellReferences
    }

    /// Starts a table on a new sheet `name` (at most 31 characters, none of `[]:*?/\`).
    public func beginTable(_ name: String, columns: [WorkbookColumn]) throws {
        try endTable()
        table = (name, columns, 1, try startSheet(name, columns: columns))
    }

    /// Appends a row to the table begun last, on its next sheet when this one is full.
    public func appendRow(_ cells: [WorkbookCell]) throws {
        try sheetWithRoom().appendRow(cells)
    }

    /// Appends rows encoded by ``SheetRows`` (any number of them, or a piece of a stream of them: a row may go
    /// on in the next call) to the table begun last, numbering them as they are copied.
    public func appendRows(_ rows: UnsafeRawBufferPointer) throws {
        guard var sheet = table?.sheet else { throw ZipError.misuse("rows without a table") }
        var start = try sheet.appendEncodedRows(rows, from: 0, maximumRows: maximumRows)
        while start < rows.count {
            sheet = try sheetWithRoom()  // the sheet is full: the table goes on in its next one
            start = try sheet.appendEncodedRows(rows, from: start, maximumRows: maximumRows)
        }
    }

    /// The sheet of the table begun last, or its next sheet when this one is full.
    private func sheetWithRoom() throws -> WorksheetWriter {
        guard var current = table else { throw ZipError.misuse("a row without a table") }
        if current.sheet.rowCount >= maximumRows {
            try finishSheet(current.sheet)
            current.part += 1
            let name = "\(current.name) (\(current.part))"
            if current.part == 2 {
                notes.append(
                    "\(current.name) has more rows than a sheet holds (\(maximumRows - 1) below its header): "
                        + "they go on in \(name) and the sheets after it, in order.")
            }
            current.sheet = try startSheet(name, columns: current.columns)
            table = current
        }
        return current.sheet
    }

    /// A line of the *Notes* sheet.
    public func addNote(_ note: String) { notes.append(note) }

    /// Ends the table begun last (done by ``beginTable(_:columns:)`` and ``close()`` too).
    public func endTable() throws {
        guard let current = table else { return }
        table = nil
        try finishSheet(current.sheet)
    }

    /// Writes the *Notes* sheet (when there are notes), the workbook's parts and the zip's directory, and
    /// closes the downstream sink.
    public func close() throws {
        try endTable()
        if !notes.isEmpty {
            try beginTable("Notes", columns: [WorkbookColumn("note", width: 120)])
            for note in notes { try table?.sheet.appendRow([.text(note)]) }
            try endTable()
        }
        try zip.add("xl/workbook.xml", try workbookXML())
        try zip.add("xl/_rels/workbook.xml.rels", try workbookRelationships())
        try zip.add("xl/styles.xml", try Self.stylesXML())
        try zip.add("_rels/.rels", try Self.packageRelationships())
        try zip.add("[Content_Types].xml", try contentTypes())
        try zip.close()
    }

    private func startSheet(_ name: String, columns: [WorkbookColumn]) throws -> WorksheetWriter {
        sheets.append(Sheet(name: name, filterRange: ""))
        return try WorksheetWriter(
            columns: columns, into: try zip.entry("xl/worksheets/sheet\(sheets.count).xml"),
            cellReferences: cellReferences)
    }

    private func finishSheet(_ sheet: WorksheetWriter) throws {
        sheets[sheets.count - 1].filterRange = sheet.filterRange
        try sheet.finish()
    }
}

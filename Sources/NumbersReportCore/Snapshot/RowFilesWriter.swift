import ReportWriters
import SinchImportedNumbers

/// Writes rows as they stream as CSV records and as one gzip member of NDJSON lines (the part of one
/// scope; the header of `numbers.csv` is written when the parts are joined), and the rows that are not HEALTHY as
/// rows of the workbook's *Problems* sheet (``SheetRows``, to a scratch file): from the same cells, or, for a row
/// whose record stands in a page's bytes (``RecordSource``), its plain text fields copied from there.
public final class RowFilesWriter {
    private let csvSink: any ByteSink
    private let ndjsonSink: any ByteSink
    private let csvEncoder: CSVEncoder
    private let ndjsonEncoder: NDJSONEncoder
    private let columns: [RowColumn]
    /// The record field each column holds as received (``RowColumn/field``), read once.
    private let columnFields: [RecordField?]
    /// The columns' types, for the *Problems* sheet's cells.
    private let columnTypes: [RowColumn.ValueType]
    /// The records not yet handed to the sinks: most of a night's bytes, gathered through a pointer.
    private var csvBuffer = ByteAccumulator(capacity: RowFilesWriter.flushBytes + 64 << 10)
    private var ndjsonBuffer = ByteAccumulator(capacity: RowFilesWriter.flushBytes + 64 << 10)
    private let problemSheet: (rows: SheetRows, file: DeflatedScratchFileWriter)?
    private var problemBuffer = ByteAccumulator(capacity: RowFilesWriter.flushBytes + 64 << 10)
    /// The *Problems* sheet's rows of this part, once finished; `nil` when the writer makes none (row format v1).
    private(set) var problemRows: DeflatedScratchFile?

    /// - Parameters:
    ///   - csv: where `numbers.csv` goes.
    ///   - ndjson: where `numbers.ndjson.gz` goes (compressed here).
    ///   - format: the row format (its columns, and whether list items are escaped in CSV).
    ///   - problemSheetDirectory: where the *Problems* sheet's rows go (a scratch file); `nil` for none.
    public init(
        csv: any ByteSink, ndjson: any ByteSink, output: OutputSettings, format: RowFormat = .current,
        problemSheetDirectory: String? = nil
    ) throws {
        csvEncoder = Self.csvEncoder(output: output, format: format)
        ndjsonEncoder = NDJSONEncoder(keys: format.columnNames)
        columns = format.columns
        columnFields = format.columns.map(\.field)
        columnTypes = format.columns.map(\.type)
        problemSheet = try problemSheetDirectory.map {
            (
                SheetRows(columnCount: format.columns.count, cellReferences: output.effectiveXLSXCellReferences),
                try DeflatedScratchFileWriter(directory: $0)
            )
        }
        // Compressing and writing run on other threads while the next rows are encoded.
        csvSink = BackgroundSink(downstream: csv, label: "numbers.csv")
        ndjsonSink = BackgroundSink(
            downstream: try GzipSink(downstream: ndjson, level: Int32(output.gzipLevel), members: output.gzipMembers),
            label: "numbers.ndjson.gz")
    }

    /// The first bytes of `numbers.csv`: the BOM (when configured) and the header line.
    public static func csvHeader(output: OutputSettings, format: RowFormat = .current) -> [UInt8] {
        var bytes: [UInt8] = output.csvByteOrderMark ? CSVEncoder.byteOrderMark : []
        csvEncoder(output: output, format: format).appendHeader(format.columnNames, to: &bytes)
        return bytes
    }

    /// The CSV encoder of `numbers.csv` in `format`.
    static func csvEncoder(output: OutputSettings, format: RowFormat) -> CSVEncoder {
        var encoder = CSVEncoder(excelSafe: output.csvExcelSafe)
        encoder.escapesListItems = format.escapesListItems
        return encoder
    }

    /// Appends a row; the bytes go to the files once enough have gathered.
    public func append(_ row: NumberRow) throws { try append(row, source: nil) }

    /// Appends a row whose record stands in a page's bytes (`source`): the columns that hold a plain text field
    /// as received are copied from there, the others made as cells. The same bytes as without `source`.
    package func append(_ row: NumberRow, source: RecordSource?) throws {
        let problemRows = row.verdict.level != .healthy ? problemSheet?.rows : nil
        if let source {
            appendRecord(row, from: source, csv: &csvBuffer, ndjson: &ndjsonBuffer)
            if let problemRows { appendProblemRow(row, from: source, to: problemRows, buffer: &problemBuffer) }
        } else {
            let cells = row.cells(of: columns)
            csvEncoder.appendRecord(cells, to: &csvBuffer)
            ndjsonEncoder.appendRecord(cells, to: &ndjsonBuffer)
            problemRows?.append(
                zip(cells, columnTypes).map { RowColumn.workbookCell($0, type: $1, csvEncoder: csvEncoder) },
                to: &problemBuffer)
        }
        if csvBuffer.count >= Self.flushBytes || ndjsonBuffer.count >= Self.flushBytes
            || problemBuffer.count >= Self.flushBytes
        {
            try flush()
        }
    }

    /// The bytes gathered before they are handed on.
    static let flushBytes = 1 << 20

    /// The CSV record and NDJSON object of `row`, column by column: a plain field's bytes from `source`, a
    /// missing one as nothing and `null`, any other column as its cell. The buffers are parameters, accessed once a
    /// row, not the properties (each access to which the runtime would check for exclusivity).
    private func appendRecord(
        _ row: NumberRow, from source: RecordSource, csv: inout ByteAccumulator, ndjson: inout ByteAccumulator
    ) {
        for index in columns.indices {
            if index > 0 { csv.append(CSVEncoder.fieldSeparator) }
            ndjsonEncoder.appendKey(at: index, to: &ndjson)
            if let field = columnFields[index] {
                let span = source.span(field)
                if span.isAbsent {
                    NDJSONEncoder.appendValue(.absent, to: &ndjson)
                    continue
                }
                if span.isPlain {
                    let bytes = source.bytes(span)
                    csvEncoder.appendPlainText(utf8: bytes, to: &csv)
                    NDJSONEncoder.appendPlainString(bytes, to: &ndjson)
                    continue
                }
            }
            let cell = columns[index].cell(row)
            csvEncoder.appendCell(cell, to: &csv)
            NDJSONEncoder.appendValue(cell, to: &ndjson)
        }
        CSVEncoder.appendRecordEnd(to: &csv)
        ndjsonEncoder.appendRecordEnd(to: &ndjson)
    }

    /// The *Problems* sheet's row of `row`: a text column's plain field from `source`, any other as its cell.
    private func appendProblemRow(
        _ row: NumberRow, from source: RecordSource, to rows: SheetRows, buffer: inout ByteAccumulator
    ) {
        rows.append(cellCount: columns.count, to: &buffer) { index in
            if columnTypes[index] == .string, let field = columnFields[index] {
                let span = source.span(field)
                if span.isAbsent { return .cell(.empty) }
                if span.isPlain { return .plainText(source.bytes(span)) }
            }
            let cell = columns[index].cell(row)
            return .cell(RowColumn.workbookCell(cell, type: columnTypes[index], csvEncoder: csvEncoder))
        }
    }

    /// Flushes, finishes the gzip stream, syncs and closes both files.
    public func finish() throws {
        try flush()
        try csvSink.close()
        try ndjsonSink.close()
        problemRows = try problemSheet?.file.finish()
    }

    private func flush() throws {
        try csvBuffer.withBytes { try csvSink.write($0) }
        try ndjsonBuffer.withBytes { try ndjsonSink.write($0) }
        csvBuffer.removeAll()
        ndjsonBuffer.removeAll()
        if let problemSheet {
            try problemBuffer.withBytes { try problemSheet.file.append($0) }
            problemBuffer.removeAll()
        }
    }
}

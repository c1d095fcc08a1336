/// Rows of a table encoded as worksheet XML before their place in the sheet is known, so that they can be made
/// where the cells are at hand (as a night's rows are written, each scope apart) and copied into the workbook
/// later by ``WorkbookWriter/appendRows(_:)``, which numbers them. Each row starts with ``rowMarker``, and each
/// place of its number holds ``numberPlaceholder``: control bytes that never occur in the XML (``SafeText``
/// replaces C0 controls in text), so the copy finds them without parsing.
public struct SheetRows {
    static let rowMarker: UInt8 = 0x01
    static let numberPlaceholder: UInt8 = 0x00
    private static let placeholder = [numberPlaceholder]
    private let encoder: SheetRowEncoder

    /// - Parameters:
    ///   - columnCount: the table's columns (cells past them are dropped).
    ///   - cellReferences: which cells name their place (the same as the ``WorkbookWriter``'s).
    public init(columnCount: Int, cellReferences: CellReferences = .every) {
        encoder = SheetRowEncoder(columnCount: columnCount, fixedRow: Self.placeholder, cellReferences: cellReferences)
    }

    /// Appends one row.
    public func append(_ cells: [WorkbookCell], to bytes: inout [UInt8]) { appendRow(cells, to: &bytes) }

    /// ``append(_:to:)``, into an accumulator.
    public func append(_ cells: [WorkbookCell], to bytes: inout ByteAccumulator) { appendRow(cells, to: &bytes) }

    private func appendRow<Output: ByteOutput & ~Copyable>(_ cells: [WorkbookCell], to bytes: inout Output) {
        bytes.append(Self.rowMarker)
        encoder.append(cells, row: Self.placeholder, style: nil, to: &bytes)
    }

    /// One value of a row given to ``append(cellCount:to:_:)``.
    public enum Value {
        /// A cell.
        case cell(WorkbookCell)
        /// A text cell (none when empty) given as its bytes, which must be printable ASCII (0x20–0x7E): the same
        /// XML as `.cell(.text(…))` of that text, without a `String` made for it.
        case plainText(UnsafeBufferPointer<UInt8>)
    }

    /// Appends one row of `cellCount` values, each asked of `value` by its index, in order: a row made where the
    /// values are at hand, without an array of cells.
    public func append(cellCount: Int, to bytes: inout ByteAccumulator, _ value: (Int) -> Value) {
        bytes.append(Self.rowMarker)
        encoder.append(cellCount: cellCount, row: Self.placeholder, style: nil, to: &bytes, value)
    }

    /// The index of the first marker or placeholder (a byte of 0 or 1) in `bytes` at `start` or after it;
    /// `bytes.count` when there is none. Looks at eight bytes at a time: most of a row is plain XML.
    static func nextMark(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Not zero exactly when a byte of the word is below 2 (the "has less than n" test, for n ≤ 128).
            if (word &- 2 &* ones) & ~word & (0x80 &* ones) != 0 { break }
            index += 8
        }
        while index < bytes.count, bytes[index] > rowMarker { index += 1 }
        return index
    }
}

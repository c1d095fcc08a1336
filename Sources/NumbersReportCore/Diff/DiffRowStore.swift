/// Rows as a change names them (scope, phone number, health, error codes, `sms_ready`), kept in file order in a
/// scratch file with an index of where each one starts: a change's rows are read back by their position, so the
/// rows files need not be read again for them.
struct DiffRowStore: Sendable {
    private let records: ScratchFile
    /// Where each row starts in `records` (`UInt64`s), and after the last, where it ends.
    private let index: ScratchFile
    /// Rows kept.
    let count: Int

    /// Reads rows of a store for one visit, a block of each file at a time: a change set asks its rows in
    /// increasing positions within each category, and one read serves the rows near each other.
    struct Reader {
        let count: Int
        private var index: ScratchFile.Window
        private var records: ScratchFile.Window

        init(_ store: DiffRowStore) {
            count = store.count
            index = ScratchFile.Window(store.index, blockSize: 16 << 10)  // 2,048 rows' places
            records = ScratchFile.Window(store.records, blockSize: 16 << 10)
        }

        /// The row at `position` (from 0, in the order appended); `nil` past the last.
        mutating func row(at position: Int) throws -> DiffRow? {
            guard position >= 0, position < count else { return nil }
            let (start, end) = try index.bytes(at: position * 8, count: 16).withUnsafeBytes {
                ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            }
            guard start <= end else {
                throw ScratchFileError(
                    operation: "read", path: index.file.path, errno: 0,
                    reason: "the places of the kept rows are damaged")
            }
            return try DiffRow(stored: Array(try records.bytes(at: Int(start), count: Int(end - start))))
        }
    }

    /// Appends rows to a new store.
    final class Writer {
        private let records: ScratchFileWriter
        private let index: ScratchFileWriter
        private var buffer: [UInt8] = []
        /// Where the rows not yet indexed start.
        private var offsets: [UInt64] = []
        private var count = 0

        init(directory: String) throws {
            records = try ScratchFileWriter(directory: directory)
            index = try ScratchFileWriter(directory: directory)
        }

        /// Appends a row from its fields' bytes (the same bytes as its ``DiffRow``'s).
        func append(_ row: some DiffRowFields, format: RowFormat) throws {
            offsets.append(UInt64(records.byteCount + buffer.count))
            row.store(to: &buffer, format: format)
            count += 1
            if buffer.count >= 1 << 16 { try flush() }
        }

        func finish() throws -> DiffRowStore {
            try flush()
            try index.append(records: [UInt64(records.byteCount)])  // where the last row ends
            return DiffRowStore(records: try records.finish(), index: try index.finish(), count: count)
        }

        private func flush() throws {
            try buffer.withUnsafeBytes { try records.append($0) }
            buffer.removeAll(keepingCapacity: true)
            try index.append(records: offsets)
            offsets.removeAll(keepingCapacity: true)
        }
    }
}

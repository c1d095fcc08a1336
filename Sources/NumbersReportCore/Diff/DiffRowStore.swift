/// Rows as a change names them (scope, phone number, health, error codes, `sms_ready`), kept in file order in a
/// scratch file with an index of where each one starts: a change's rows are read back by their position, so the
/// rows files need not be read again for them.
struct DiffRowStore: Sendable {
    private let records: ScratchFile
    /// Where each row starts in `records` (`UInt64`s), and after the last, where it ends.
    private let index: ScratchFile
    /// Rows kept.
    let count: Int

    /// The row at `position` (from 0, in the order appended); `nil` past the last.
    func row(at position: Int) throws -> DiffRow? {
        guard position >= 0, position < count else { return nil }
        var bounds: (start: UInt64, end: UInt64) = (0, 0)
        try withUnsafeMutableBytes(of: &bounds) { try index.read(into: $0, at: position * 8) }
        return try DiffRow(stored: try records.bytes(at: Int(bounds.start), count: Int(bounds.end - bounds.start)))
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

        func append(_ row: DiffRow) throws {
            offsets.append(UInt64(records.byteCount + buffer.count))
            row.store(to: &buffer)
            count += 1
            if buffer.count >= 1 << 16 { try flush() }
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

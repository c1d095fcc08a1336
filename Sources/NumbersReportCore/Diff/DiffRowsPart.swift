/// One scope's rows tonight as the comparison with the previous night needs them, written as the rows are (so
/// that tonight's rows file is not read back): their keys in file order (``SnapshotDiff/RowKey``, 32 bytes a row)
/// and the rows themselves, for the changes that name them (``DiffRowStore``).
struct DiffRowsPart: Sendable {
    let keys: ScratchFile
    let rows: DiffRowStore

    /// Writes a part, row by row.
    final class Writer {
        private let keys: ScratchFileWriter
        private let rows: DiffRowStore.Writer
        private var pending: [SnapshotDiff.RowKey] = []

        init(directory: String) throws {
            keys = try ScratchFileWriter(directory: directory)
            rows = try DiffRowStore.Writer(directory: directory)
        }

        /// Appends a row as it is written tonight: what `diff` would read back from its line of a `format` file.
        func append(_ row: some DiffRowFields, format: RowFormat) throws {
            pending.append(row.key(format: format))
            try rows.append(row, format: format)
            if pending.count >= 4096 { try flush() }
        }

        func finish() throws -> DiffRowsPart {
            try flush()
            return DiffRowsPart(keys: try keys.finish(), rows: try rows.finish())
        }

        private func flush() throws {
            try keys.append(records: pending)
            pending.removeAll(keepingCapacity: true)
        }
    }
}

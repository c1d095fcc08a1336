import ReportWriters

/// The rows of one rows file that changes name, found by position and kept, line for line, in a ``ScratchFile``:
/// a change's details are read back when it is visited, so none are held in memory.
struct RowDetails: Sendable {
    /// The positions kept, ascending.
    private let positions: [UInt32]
    /// Where each kept line starts in `file`, and (last) where the last one ends.
    private let offsets: [Int]
    private let file: ScratchFile?
    /// The rows file, for messages.
    private let path: String

    /// Reads `path` as far as the last of `positions` (ascending, among its non-empty lines) and keeps those lines.
    init(path: String, positions wanted: [UInt32], scratchDirectory: String) throws {
        self.path = path
        guard let last = wanted.last else {
            positions = []
            offsets = [0]
            file = nil
            return
        }
        let writer = try ScratchFileWriter(directory: scratchDirectory)
        var kept: [UInt32] = []
        var offsets = [0]
        var next = 0
        do {
            try SnapshotDiff.forEachLine(path) { line, position in
                guard position == wanted[next] else { return }
                try line.withUnsafeBytes { try writer.append($0) }
                kept.append(position)
                offsets.append(writer.byteCount)
                next += 1
                if position == last { throw SnapshotDiff.StopReading() }
            }
        } catch is SnapshotDiff.StopReading {}
        positions = kept
        self.offsets = offsets
        file = try writer.finish()
    }

    /// The row at `position`; `nil` when it was not kept (the file ended before it).
    func row(at position: UInt32) throws -> DiffRow? {
        guard let file else { return nil }
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        guard low < positions.count, positions[low] == position else { return nil }
        let line = try file.bytes(at: offsets[low], count: offsets[low + 1] - offsets[low])
        do {
            return try DiffRow.decode(line)
        } catch {
            throw SnapshotDiff.DiffError(description: "\(path): row \(position + 1) could not be read again (\(error))")
        }
    }
}

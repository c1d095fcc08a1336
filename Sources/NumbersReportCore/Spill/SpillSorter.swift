/// Sorts more fixed-width records than should be held in memory: records gather in a buffer of `capacity`; each
/// full buffer is sorted and written to a ``ScratchFile`` as a run, and ``sorted()`` merges the runs as they are
/// read. Memory stays at one buffer however many records pass; when they all fit, nothing is written.
struct SpillSorter<Record: BitwiseCopyable & Sendable> {
    private let directory: String
    private let capacity: Int
    private let areInIncreasingOrder: @Sendable (Record, Record) -> Bool
    private var buffer: [Record] = []
    private var spill: ScratchFileWriter?
    /// The runs written, as ranges of records in the scratch file.
    private var runs: [Range<Int>] = []

    /// Records in a buffer of the default size: 4 MiB.
    static var defaultCapacity: Int { (4 << 20) / MemoryLayout<Record>.stride }

    /// - Parameters:
    ///   - directory: where the scratch file goes (see ``ScratchFileWriter``).
    ///   - capacity: records held before a run is written (``defaultCapacity`` when `nil`).
    ///   - areInIncreasingOrder: a strict total order (equal records keep no particular order).
    init(
        directory: String, capacity: Int? = nil,
        by areInIncreasingOrder: @escaping @Sendable (Record, Record) -> Bool
    ) {
        self.directory = directory
        self.capacity = max(1, capacity ?? Self.defaultCapacity)
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    mutating func append(_ record: Record) throws {
        if buffer.isEmpty { buffer.reserveCapacity(capacity) }
        buffer.append(record)
        if buffer.count >= capacity { try writeRun() }
    }

    /// Every record appended, in order; the sorter is left empty (its buffer handed over, not copied).
    mutating func sorted() throws -> SortedRecords<Record> {
        guard let spill else {
            var records: [Record] = []
            swap(&records, &buffer)
            records.sort(by: areInIncreasingOrder)
            return SortedRecords(records: records, by: areInIncreasingOrder)
        }
        if !buffer.isEmpty { try writeRun() }
        buffer = []
        self.spill = nil
        let ranges = runs
        runs = []
        return SortedRecords(file: try spill.finish(), runs: ranges, by: areInIncreasingOrder)
    }

    private mutating func writeRun() throws {
        buffer.sort(by: areInIncreasingOrder)
        if spill == nil { spill = try ScratchFileWriter(directory: directory) }
        let start = runs.last?.upperBound ?? 0
        try spill!.append(records: buffer)
        runs.append(start..<start + buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }
}

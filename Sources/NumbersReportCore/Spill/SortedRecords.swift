/// The records of a ``SpillSorter`` in order: held in memory, or in sorted runs of a ``ScratchFile`` merged as
/// they are read. Read as often as needed, each time through a new ``Cursor``.
struct SortedRecords<Record: BitwiseCopyable & Sendable>: Sendable {
    fileprivate enum Storage: Sendable {
        case memory([Record])
        case runs(ScratchFile, [Range<Int>])
    }

    private let storage: Storage
    private let areInIncreasingOrder: @Sendable (Record, Record) -> Bool

    init(records: [Record], by areInIncreasingOrder: @escaping @Sendable (Record, Record) -> Bool) {
        storage = .memory(records)
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    init(file: ScratchFile, runs: [Range<Int>], by areInIncreasingOrder: @escaping @Sendable (Record, Record) -> Bool) {
        storage = .runs(file, runs)
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    /// The records of a scratch file written with ``ScratchFileWriter/append(records:)``, in the order written.
    static func inFileOrder(_ file: ScratchFile) -> SortedRecords {
        SortedRecords(
            file: file, runs: [0..<file.byteCount / MemoryLayout<Record>.stride], by: { _, _ in false })
    }

    /// How many records there are.
    var count: Int {
        switch storage {
        case .memory(let records): records.count
        case .runs(_, let runs): runs.reduce(0) { $0 + $1.count }
        }
    }

    /// A reader from the first record on.
    func makeCursor() -> Cursor { Cursor(storage: storage, by: areInIncreasingOrder) }

    /// Calls `body` with every record, in order.
    func forEach(_ body: (Record) throws -> Void) throws {
        var cursor = makeCursor()
        while let record = try cursor.next() { try body(record) }
    }

    /// Reads the records in order: from memory, or by merging the runs (a block of each run in memory at a time,
    /// the runs' next records in a heap).
    struct Cursor {
        private var records: [Record] = []
        private var index = 0
        private var file: ScratchFile?
        private var runs: [RunReader] = []
        /// Indices into `runs` with records left, a binary min-heap on their next record.
        private var heap: [Int] = []
        /// Whether each run's first block is loaded.
        private var primed = false
        private let areInIncreasingOrder: (Record, Record) -> Bool

        fileprivate init(storage: Storage, by areInIncreasingOrder: @escaping (Record, Record) -> Bool) {
            self.areInIncreasingOrder = areInIncreasingOrder
            switch storage {
            case .memory(let records): self.records = records
            case .runs(let file, let ranges):
                self.file = file
                runs = ranges.map { RunReader(range: $0) }
            }
        }

        /// The next record; `nil` after the last.
        mutating func next() throws -> Record? {
            guard let file else {
                guard index < records.count else { return nil }
                defer { index += 1 }
                return records[index]
            }
            if !primed {
                primed = true
                for run in runs.indices where try runs[run].load(from: file) { push(run) }
            }
            guard let top = heap.first else { return nil }
            let record = runs[top].current
            if try runs[top].advance(in: file) {
                siftDown(from: 0)
            } else {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
                if !heap.isEmpty { siftDown(from: 0) }
            }
            return record
        }

        private func precedes(_ left: Int, _ right: Int) -> Bool {
            areInIncreasingOrder(runs[left].current, runs[right].current)
        }

        private mutating func push(_ run: Int) {
            heap.append(run)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard precedes(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }

        private mutating func siftDown(from start: Int) {
            var parent = start
            while true {
                var smallest = parent
                let left = 2 * parent + 1
                let right = left + 1
                if left < heap.count && precedes(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && precedes(heap[right], heap[smallest]) { smallest = right }
                guard smallest != parent else { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    /// One run of the scratch file, read a block at a time.
    private struct RunReader {
        /// Records read from a run at a time.
        static var blockCount: Int { max(1, (32 << 10) / MemoryLayout<Record>.stride) }

        let range: Range<Int>
        /// The next record to load from the file.
        private var nextToLoad: Int
        private var block: [Record] = []
        private var index = 0

        init(range: Range<Int>) {
            self.range = range
            nextToLoad = range.lowerBound
        }

        var current: Record { block[index] }

        /// Loads the first block; `false` when the run is empty.
        mutating func load(from file: ScratchFile) throws -> Bool {
            try loadBlock(from: file)
        }

        /// Moves to the next record; `false` after the last.
        mutating func advance(in file: ScratchFile) throws -> Bool {
            index += 1
            return index < block.count ? true : try loadBlock(from: file)
        }

        private mutating func loadBlock(from file: ScratchFile) throws -> Bool {
            let count = min(Self.blockCount, range.upperBound - nextToLoad)
            guard count > 0 else { return false }
            let stride = MemoryLayout<Record>.stride
            block = try [Record](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                try file.read(into: UnsafeMutableRawBufferPointer(buffer), at: nextToLoad * stride)
                initialized = count
            }
            nextToLoad += count
            index = 0
            return true
        }
    }
}

import Dispatch
import Synchronization

extension SnapshotDiff {
    /// What the report shows of a diff: how many changes of each category and transition, and the first ones
    /// (worst first) in detail.
    public struct Summary: Sendable, Hashable {
        /// Category → `added`, `removed`, `HEALTHY→FAILED`, …, `error codes changed` → numbers.
        public var byCategory: [SnapshotChange.Category: [String: Int]]
        public var total: Int
        /// The first changes, in the order of ``SnapshotDiff/allChanges()``.
        public var examples: [SnapshotChange]

        /// Transition (``SnapshotChange/countKey``) → numbers, over all categories.
        public var counts: [String: Int] {
            byCategory.values.reduce(into: [:]) { all, counts in all.merge(counts, uniquingKeysWith: +) }
        }

        /// Category → numbers.
        public var categoryCounts: [SnapshotChange.Category: Int] {
            byCategory.mapValues { $0.values.reduce(0, +) }
        }
    }

    /// The counts of every change and the first `examples` changes in detail, equal to what ``allChanges()`` would
    /// give (see ``changeSet()``).
    public func summary(examples: Int) throws -> Summary {
        let changes = try changeSet()
        return Summary(byCategory: changes.byCategory, total: changes.total, examples: try changes.prefix(examples))
    }

    /// Every change, equal to ``allChanges()``, in memory that does not grow with the rows: both files' rows are
    /// reduced to 32-byte keys (on two threads), sorted in runs on disk and merged by identity; the numbers found
    /// in one file only are sorted again by phone number to pair the moved ones; the changes are sorted worst
    /// first. The rows the changes name are kept aside as the files are read (``DiffRowStore``), so neither file
    /// is read twice. Scratch files go to ``scratchDirectory``. Rows without a phone number are not compared.
    public func changeSet() throws -> ChangeSet { try changeSet(newParts: nil) }

    /// - Parameter newParts: tonight's rows as the scopes wrote them (keys and rows, one part per scope in file
    ///   order): the new file is then not read at all.
    func changeSet(newParts: [DiffRowsPart]?) throws -> ChangeSet {
        let directory = scratchDirectory
        let capacity = sortCapacity
        let (old, new) = try Self.inParallel(
            { [oldRows, unfetchedScopes] in
                try Self.readOld(oldRows, unfetched: unfetchedScopes, directory: directory, capacity: capacity)
            },
            { [newRows] in try Self.readNew(newParts, path: newRows, directory: directory, capacity: capacity) })
        var matching = Matching(directory: directory, capacity: capacity)
        try matching.match(old: old.keys, new: new.keys)
        try matching.pairMoved()
        return ChangeSet(
            byCategory: matching.byCategory, stubs: try matching.stubs.sorted(), oldRows: old.rows, newRows: new.rows)
    }

    /// Walks both sides' keys in identity order: the changed rows become changes at once, the numbers in one file
    /// only wait, by phone number, to be paired as moved ones.
    private struct Matching {
        var stubs: SpillSorter<ChangeStub>
        var byCategory: [SnapshotChange.Category: [String: Int]] = [:]
        /// In the new file only, and in the old one only (its scope read to the end): moved, added or removed.
        private var added: SpillSorter<PhoneKey>
        private var removed: SpillSorter<PhoneKey>

        init(directory: String, capacity: Int?) {
            stubs = SpillSorter(directory: directory, capacity: capacity, by: ChangeStub.precedes)
            added = SpillSorter(directory: directory, capacity: capacity, by: PhoneKey.precedes)
            removed = SpillSorter(directory: directory, capacity: capacity, by: PhoneKey.precedes)
        }

        /// A key repeated in the old file counts once (its first row); in the new file, its first row is compared
        /// and the others are added.
        mutating func match(old: SortedRecords<DiffKey>, new: SortedRecords<DiffKey>) throws {
            var oldCursor = old.makeCursor()
            var newCursor = new.makeCursor()
            var oldKey = try oldCursor.next()
            var newKey = try newCursor.next()
            while oldKey != nil || newKey != nil {
                if let previous = oldKey, newKey.map({ previous.identity < $0.identity }) ?? true {
                    if previous.unfetched {
                        try add(
                            ChangeStub(.notFetched, .notFetched, old: previous.position, new: nil),
                            "not fetched tonight")
                    } else {
                        try removed.append(PhoneKey(phone: previous.phone, position: previous.position))
                    }
                    oldKey = try Self.next(after: previous.identity, &oldCursor)
                } else if let row = newKey, oldKey.map({ row.identity < $0.identity }) ?? true {
                    try added.append(PhoneKey(phone: row.phone, position: row.position))
                    newKey = try newCursor.next()
                } else if let previous = oldKey, let row = newKey {
                    try compare(previous, row)
                    oldKey = try Self.next(after: previous.identity, &oldCursor)
                    newKey = try newCursor.next()
                }
            }
        }

        private mutating func compare(_ previous: DiffKey, _ row: DiffKey) throws {
            guard SnapshotDiff.differ(previous.fingerprint, previous.ready, row.fingerprint, row.ready) else { return }
            let kind: SnapshotChange.Kind =
                previous.health != row.health
                ? .health : previous.fingerprint != row.fingerprint ? .errorCodes : .smsReady
            let category = SnapshotChange.category(
                kind: kind, old: SnapshotDiff.level(previous.health), new: SnapshotDiff.level(row.health),
                oldReady: SnapshotDiff.readiness(previous.ready), newReady: SnapshotDiff.readiness(row.ready))
            let transition = "\(SnapshotDiff.healthName(previous.health))→\(SnapshotDiff.healthName(row.health))"
            try add(
                ChangeStub(kind, category, old: previous.position, new: row.position),
                SnapshotChange.countKey(kind: kind, transition: transition))
        }

        /// Each number in the new file only, in new-file order, takes the first one with its phone number in the old
        /// file only (old-file order): moved. The others are added and removed.
        mutating func pairMoved() throws {
            var addedCursor = try added.sorted().makeCursor()
            var removedCursor = try removed.sorted().makeCursor()
            var new = try addedCursor.next()
            var old = try removedCursor.next()
            while new != nil || old != nil {
                if let row = new, old.map({ row.phone < $0.phone }) ?? true {
                    try add(ChangeStub(.added, .added, old: nil, new: row.position), SnapshotChange.Kind.added.rawValue)
                    new = try addedCursor.next()
                } else if let previous = old, new.map({ previous.phone < $0.phone }) ?? true {
                    try add(ChangeStub(.removed, .removed, old: previous.position, new: nil), "removed")
                    old = try removedCursor.next()
                } else if let row = new, let previous = old {
                    try add(
                        ChangeStub(.moved, .moved, old: previous.position, new: row.position),
                        SnapshotChange.Kind.moved.rawValue)
                    new = try addedCursor.next()
                    old = try removedCursor.next()
                }
            }
        }

        private mutating func add(_ stub: ChangeStub, _ countKey: String) throws {
            byCategory[SnapshotChange.Category(rawValue: Int(stub.category))!, default: [:]][countKey, default: 0] += 1
            try stubs.append(stub)
        }

        /// The next key with another identity than `identity`.
        private static func next(
            after identity: UInt64, _ cursor: inout SortedRecords<DiffKey>.Cursor
        ) throws
            -> DiffKey?
        {
            while let key = try cursor.next() {
                if key.identity != identity { return key }
            }
            return nil
        }
    }

    /// A new row as kept while the rows are written, in file order: 32 bytes.
    struct RowKey: Sendable, Hashable, BitwiseCopyable {
        var identity: UInt64
        var fingerprint: UInt64
        var phone: UInt64
        var health: UInt8
        var ready: UInt8

        init(_ row: DiffRow) {
            identity = row.identityHash
            fingerprint = row.stateFingerprint
            phone = row.phoneHash
            health = SnapshotDiff.healthCode(row.health)
            ready = SnapshotDiff.readinessCode(row.smsReady)
        }

        func key(position: UInt32, unfetched: Bool = false) -> DiffKey {
            DiffKey(
                identity: identity, fingerprint: fingerprint, phone: phone, position: position, health: health,
                ready: ready, unfetched: unfetched)
        }
    }

    /// One side read: its keys sorted by identity, its rows by position.
    private struct Side: Sendable {
        var keys: SortedRecords<DiffKey>
        var rows: DiffRowStores
    }

    private static func readOld(
        _ path: String, unfetched: Set<DiffScope>, directory: String, capacity: Int?
    ) throws -> Side {
        var sorter = SpillSorter(directory: directory, capacity: capacity, by: DiffKey.precedes)
        let rows = try DiffRowStore.Writer(directory: directory)
        try forEachRow(path) { row, position in
            try rows.append(row)
            let key = RowKey(row)
            guard key.phone != noPhone else { return }
            try sorter.append(
                key.key(position: position, unfetched: !unfetched.isEmpty && unfetched.contains(row.scope)))
        }
        return Side(keys: try sorter.sorted(), rows: DiffRowStores([try rows.finish()]))
    }

    private static func readNew(
        _ parts: [DiffRowsPart]?, path: String, directory: String, capacity: Int?
    ) throws -> Side {
        var sorter = SpillSorter(directory: directory, capacity: capacity, by: DiffKey.precedes)
        guard let parts else {
            let rows = try DiffRowStore.Writer(directory: directory)
            try forEachRow(path) { row, position in
                try rows.append(row)
                let key = RowKey(row)
                if key.phone != noPhone { try sorter.append(key.key(position: position)) }
            }
            return Side(keys: try sorter.sorted(), rows: DiffRowStores([try rows.finish()]))
        }
        var position: UInt32 = 0
        for part in parts {
            try SortedRecords<RowKey>.inFileOrder(part.keys).forEach { key in
                if key.phone != noPhone { try sorter.append(key.key(position: position)) }
                position += 1
            }
        }
        return Side(keys: try sorter.sorted(), rows: DiffRowStores(parts.map(\.rows)))
    }

    /// The phone-number hash of a row without a phone number: such rows are not compared.
    static let noPhone = FNV1a.hash("")

    /// A health level as one byte; 0 for none.
    static func healthCode(_ level: HealthLevel?) -> UInt8 {
        level.map { UInt8($0.rawValue + 1) } ?? 0
    }

    fileprivate static func level(_ code: UInt8) -> HealthLevel? {
        code == 0 ? nil : HealthLevel(rawValue: Int(code) - 1)
    }

    fileprivate static func healthName(_ code: UInt8) -> String { level(code)?.name ?? "-" }

    /// `sms_ready` as one byte: 0 for none (row format v1), 1 false, 2 true.
    static func readinessCode(_ ready: Bool?) -> UInt8 { ready.map { $0 ? 2 : 1 } ?? 0 }

    fileprivate static func readiness(_ code: UInt8) -> Bool? { code == 0 ? nil : code == 2 }

    fileprivate static func differ(
        _ oldFingerprint: UInt64, _ oldReady: UInt8, _ newFingerprint: UInt64, _ newReady: UInt8
    )
        -> Bool
    {
        differ(oldFingerprint, readiness(oldReady), newFingerprint, readiness(newReady))
    }

    /// Runs `first` on another thread and `second` on this one; rethrows the first error.
    private static func inParallel<A: Sendable, B: Sendable>(
        _ first: @escaping @Sendable () throws -> A, _ second: () throws -> B
    ) throws -> (A, B) {
        let result = Mutex<Result<A, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let outcome = Result { try first() }
            result.withLock { $0 = outcome }
            done.signal()
        }
        let secondResult = Result { try second() }
        done.wait()
        let firstResult = result.withLock { $0! }  // set before `done` was signalled
        return (try firstResult.get(), try secondResult.get())
    }
}

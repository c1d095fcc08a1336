/// Walks both nights' keys in identity order (``SnapshotDiff/changeSet()``): the changed rows become changes at
/// once, the numbers in one night only wait, sorted by phone number, to be paired as moved ones.
struct ChangeMatching {
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
                    try add(.notFetched, old: previous.position, new: nil)
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
        try add(kind, old: previous.position, new: row.position, states: (previous, row))
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
                try add(.added, old: nil, new: row.position)
                new = try addedCursor.next()
            } else if let previous = old, new.map({ previous.phone < $0.phone }) ?? true {
                try add(.removed, old: previous.position, new: nil)
                old = try removedCursor.next()
            } else if let row = new, let previous = old {
                try add(.moved, old: previous.position, new: row.position)
                new = try addedCursor.next()
                old = try removedCursor.next()
            }
        }
    }

    /// Counts a change and keeps its stub, its category and count key made as ``SnapshotChange`` makes them: from
    /// both nights' levels and `sms_ready` when the number is in both (`states`), from its kind alone otherwise.
    private mutating func add(
        _ kind: SnapshotChange.Kind, old: UInt32?, new: UInt32?, states: (old: DiffKey, new: DiffKey)? = nil
    ) throws {
        let oldLevel = states.flatMap { SnapshotDiff.level($0.old.health) }
        let newLevel = states.flatMap { SnapshotDiff.level($0.new.health) }
        let category = SnapshotChange.category(
            kind: kind, old: oldLevel, new: newLevel, oldReady: states.flatMap { SnapshotDiff.readiness($0.old.ready) },
            newReady: states.flatMap { SnapshotDiff.readiness($0.new.ready) })
        let countKey = SnapshotChange.countKey(
            kind: kind, transition: SnapshotChange.transition(kind: kind, old: oldLevel, new: newLevel))
        byCategory[category, default: [:]][countKey, default: 0] += 1
        try stubs.append(ChangeStub(kind, category, old: old, new: new))
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

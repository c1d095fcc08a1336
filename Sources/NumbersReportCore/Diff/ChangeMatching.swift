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

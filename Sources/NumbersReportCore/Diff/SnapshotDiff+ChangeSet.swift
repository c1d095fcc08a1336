extension SnapshotDiff {
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
        let (old, new) = try OverlappedWork.both(
            { [oldRows, unfetchedScopes] in
                try Self.read(oldRows, unfetched: unfetchedScopes, directory: directory, capacity: capacity)
            },
            { [newRows] in
                try newParts.map { try Self.read($0, directory: directory, capacity: capacity) }
                    ?? Self.read(newRows, directory: directory, capacity: capacity)
            })
        var matching = ChangeMatching(directory: directory, capacity: capacity)
        try matching.match(old: old.keys, new: new.keys)
        try matching.pairMoved()
        return ChangeSet(
            byCategory: matching.byCategory, stubs: try matching.stubs.sorted(), oldRows: old.rows, newRows: new.rows)
    }

    /// One night read: its keys sorted by identity, its rows by position.
    private struct Side: Sendable {
        var keys: SortedRecords<DiffKey>
        var rows: DiffRowStores
    }

    /// A rows file read: every row kept, the rows with a phone number keyed (those of `unfetched` scopes marked).
    private static func read(
        _ path: String, unfetched: Set<DiffScope> = [], directory: String, capacity: Int?
    ) throws -> Side {
        var sorter = SpillSorter(directory: directory, capacity: capacity, by: DiffKey.precedes)
        let rows = try DiffRowStore.Writer(directory: directory)
        try forEachLine(path) { line, position in
            func keep(_ row: some DiffRowFields, scope: () -> DiffScope) throws {
                try rows.append(row, format: .current)
                let key = row.key(format: .current)
                guard key.phone != noPhone else { return }
                try sorter.append(
                    key.key(position: position, unfetched: !unfetched.isEmpty && unfetched.contains(scope())))
            }
            if let row = DiffRowScanner.scan(line) {  // kept and keyed from the line's bytes
                try keep(row) { row.scope }
            } else {
                let row = try decodeRow(line, path: path, position: position)
                try keep(row) { row.scope }
            }
        }
        return Side(keys: try sorter.sorted(), rows: DiffRowStores([try rows.finish()]))
    }

    /// Tonight's rows as the scopes wrote them: their keys sorted, their rows as kept.
    private static func read(_ parts: [DiffRowsPart], directory: String, capacity: Int?) throws -> Side {
        var sorter = SpillSorter(directory: directory, capacity: capacity, by: DiffKey.precedes)
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

    static func level(_ code: UInt8) -> HealthLevel? {
        code == 0 ? nil : HealthLevel(rawValue: Int(code) - 1)
    }

    /// `sms_ready` as one byte: 0 for none (row format v1), 1 false, 2 true.
    static func readinessCode(_ ready: Bool?) -> UInt8 { ready.map { $0 ? 2 : 1 } ?? 0 }

    static func readiness(_ code: UInt8) -> Bool? { code == 0 ? nil : code == 2 }

    static func differ(
        _ oldFingerprint: UInt64, _ oldReady: UInt8, _ newFingerprint: UInt64, _ newReady: UInt8
    )
        -> Bool
    {
        differ(oldFingerprint, readiness(oldReady), newFingerprint, readiness(newReady))
    }
}

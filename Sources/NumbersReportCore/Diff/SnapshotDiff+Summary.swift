import Dispatch
import Synchronization

extension SnapshotDiff {
    /// What the report shows of a diff: how many changes of each kind, and the first ones in detail.
    public struct Summary: Sendable, Hashable {
        /// `added`, `removed`, `HEALTHY→FAILED`, …, `error codes changed` → numbers.
        public var counts: [String: Int]
        public var total: Int
        /// The first changes, in the order of ``SnapshotDiff/changes(_:)``.
        public var examples: [SnapshotChange]
    }

    /// The counts of every change and the first `examples` changes in detail, equal to what
    /// ``changes(_:)`` would give, in less time: the old and the new file are read side by side on two
    /// threads (the old one kept as 16 bytes a number, the new one as 24), and read a second time, again
    /// side by side, only as far as the examples' details need.
    /// - Parameter newKeys: the new rows' keys when they are known (taken from the rows as they were
    ///   written, in runs that follow each other in file order): the new file is then not read for the counts.
    public func summary(examples: Int) throws -> Summary { try summary(examples: examples, newKeys: nil) }

    func summary(examples: Int, newKeys: [[RowKey]]?) throws -> Summary {
        var (remaining, new) = try Self.inParallel(
            { [oldRows, unfetchedScopes] in try Self.readOld(oldRows, unfetched: unfetchedScopes) },
            { [newRows] in try newKeys ?? [Self.readNew(newRows)] })
        var counts: [String: Int] = [:]
        var total = 0
        // The order of changes(_:): added rows in the new file's order, then removed and changed rows
        // in the old file's order.
        var added: [Int] = []  // places in the new file
        var changed: [UInt64: (index: Int, kind: SnapshotChange.Kind, order: Int32)] = [:]
        for (index, row) in new.joined().enumerated() {
            guard let previous = remaining.removeValue(forKey: row.identity) else {
                counts["added", default: 0] += 1
                total += 1
                if added.count < examples { added.append(index) }
                continue
            }
            guard previous.fingerprint != row.fingerprint else { continue }
            let kind: SnapshotChange.Kind = previous.health == row.health ? .errorCodes : .health
            let key =
                kind == .errorCodes
                ? "error codes changed" : "\(Self.healthName(previous.health))→\(Self.healthName(row.health))"
            counts[key, default: 0] += 1
            total += 1
            changed[row.identity] = (index, kind, previous.order)
        }
        new = []  // no longer needed here (read from the file, its memory goes before the details are read)
        let notFetched = remaining.values.reduce(0) { $0 + ($1.unfetched ? 1 : 0) }
        if remaining.count > notFetched { counts[SnapshotChange.Kind.removed.rawValue] = remaining.count - notFetched }
        if notFetched > 0 { counts["not fetched tonight"] = notFetched }
        total += remaining.count
        let laterCount = max(0, examples - added.count)
        var later = remaining.map { (identity: $0.key, order: $0.value.order) }
        if laterCount > 0 {
            later += changed.map { (identity: $0.key, order: $0.value.order) }
        }
        let laterExamples = later.sorted { $0.order < $1.order }.prefix(laterCount).map(\.identity)

        // The details: the new rows of added and changed examples, the old rows of removed and changed ones.
        let wantedNew = Set(added + laterExamples.compactMap { changed[$0]?.index })
        let wantedOld = Set(laterExamples)
        let (oldDetails, newDetails) = try Self.inParallel(
            { [oldRows] in try Self.details(oldRows, identities: wantedOld) },
            { [newRows] in try Self.details(newRows, indices: wantedNew) })
        var changes = added.map { Self.change(.added, old: nil, new: newDetails[$0]) }
        changes += laterExamples.map { identity in
            guard let change = changed[identity] else {
                return Self.change(
                    remaining[identity]?.unfetched == true ? .notFetched : .removed, old: oldDetails[identity], new: nil
                )
            }
            return Self.change(change.kind, old: oldDetails[identity], new: newDetails[change.index])
        }
        return Summary(counts: counts, total: total, examples: changes)
    }

    /// An old row as kept: its state's fingerprint, its place in the file and its health.
    private struct OldRow: Sendable {
        var fingerprint: UInt64
        var order: Int32
        var health: UInt8
        /// Its scope was not read to the end tonight.
        var unfetched: Bool
    }

    /// A new row as kept, in file order: 24 bytes.
    struct RowKey: Sendable, Hashable {
        var identity: UInt64
        var fingerprint: UInt64
        var health: UInt8

        init(_ row: DiffRow) {
            identity = row.identityHash
            fingerprint = row.stateFingerprint
            health = SnapshotDiff.healthCode(row.health)
        }
    }

    private static func readOld(_ path: String, unfetched: Set<DiffScope>) throws -> [UInt64: OldRow] {
        var rows: [UInt64: OldRow] = [:]
        var order: Int32 = 0
        try forEachRow(path) { row in
            rows[row.identityHash] = OldRow(
                fingerprint: row.stateFingerprint, order: order, health: healthCode(row.health),
                unfetched: !unfetched.isEmpty && unfetched.contains(row.scope))
            order += 1
        }
        return rows
    }

    static func readNew(_ path: String) throws -> [RowKey] {
        var rows: [RowKey] = []
        try forEachRow(path) { rows.append(RowKey($0)) }
        return rows
    }

    /// The old rows with these identities (the first of each), stopping once all are found.
    private static func details(_ path: String, identities: Set<UInt64>) throws -> [UInt64: DiffRow] {
        var found: [UInt64: DiffRow] = [:]
        guard !identities.isEmpty else { return found }
        do {
            try forEachRow(path) { row in
                let identity = row.identityHash
                if identities.contains(identity), found[identity] == nil { found[identity] = row }
                if found.count == identities.count { throw Stop() }
            }
        } catch is Stop {}
        return found
    }

    /// The new rows at these places, stopping after the last.
    private static func details(_ path: String, indices: Set<Int>) throws -> [Int: DiffRow] {
        var found: [Int: DiffRow] = [:]
        guard let last = indices.max() else { return found }
        var index = 0
        do {
            try forEachRow(path) { row in
                if indices.contains(index) { found[index] = row }
                if index == last { throw Stop() }
                index += 1
            }
        } catch is Stop {}
        return found
    }

    /// Ends a read early.
    private struct Stop: Error {}

    /// A health level as one byte; 0 for none.
    static func healthCode(_ level: HealthLevel?) -> UInt8 {
        level.map { UInt8($0.rawValue + 1) } ?? 0
    }

    private static func healthName(_ code: UInt8) -> String {
        code == 0 ? "-" : (HealthLevel(rawValue: Int(code) - 1)?.name ?? "-")
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
        let firstResult = result.withLock { $0! }
        return (try firstResult.get(), try secondResult.get())
    }
}

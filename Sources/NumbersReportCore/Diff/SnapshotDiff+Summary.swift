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

    /// The counts of every change and the first `examples` changes in detail, equal to what
    /// ``allChanges()`` would give, in less time: the old and the new file are read side by side on two
    /// threads (the old one kept as 32 bytes a number, the new one as 32), and read a second time, again
    /// side by side, only as far as the examples' details need. Rows without a phone number are not compared.
    /// - Parameter newKeys: the new rows' keys when they are known (taken from the rows as they were
    ///   written, in runs that follow each other in file order): the new file is then not read for the counts.
    public func summary(examples: Int) throws -> Summary { try summary(examples: examples, newKeys: nil) }

    func summary(examples: Int, newKeys: [[RowKey]]?) throws -> Summary {
        var (remaining, new) = try Self.inParallel(
            { [oldRows, unfetchedScopes] in try Self.readOld(oldRows, unfetched: unfetchedScopes) },
            { [newRows] in try newKeys ?? [Self.readNew(newRows)] })
        var byCategory: [SnapshotChange.Category: [String: Int]] = [:]
        var total = 0
        func count(_ category: SnapshotChange.Category, _ key: String) {
            byCategory[category, default: [:]][key, default: 0] += 1
            total += 1
        }
        // Candidates for the examples, by category, each with its place in the order of allChanges().
        var candidates: [SnapshotChange.Category: [(place: Int, example: Example)]] = [:]
        var added: [(index: Int, phone: UInt64)] = []  // places in the new file
        var changed: [UInt64: Int] = [:]  // identity → place in the new file
        for (index, row) in new.joined().enumerated() where row.phone != Self.noPhone {
            guard let previous = remaining.removeValue(forKey: row.identity) else {
                added.append((index, row.phone))
                continue
            }
            guard Self.differ(previous.fingerprint, previous.ready, row.fingerprint, row.ready) else { continue }
            let kind: SnapshotChange.Kind =
                previous.health != row.health
                ? .health : previous.fingerprint != row.fingerprint ? .errorCodes : .smsReady
            let category = SnapshotChange.category(
                kind: kind, old: Self.level(previous.health), new: Self.level(row.health),
                oldReady: Self.readiness(previous.ready), newReady: Self.readiness(row.ready))
            count(
                category,
                SnapshotChange.countKey(
                    kind: kind, transition: "\(Self.healthName(previous.health))→\(Self.healthName(row.health))"))
            changed[row.identity] = index
            candidates[category, default: []].append((Int(previous.order), .changed(row.identity, kind)))
        }
        new = []  // no longer needed here (read from the file, its memory goes before the details are read)
        // Moved: each added number, in new-file order, takes the first removed one (old-file order) with its number.
        var removedByPhone: [UInt64: [(order: Int32, identity: UInt64)]] = [:]
        for (identity, row) in remaining where !row.unfetched {
            removedByPhone[row.phone, default: []].append((row.order, identity))
        }
        removedByPhone = removedByPhone.mapValues { $0.sorted { $0.order < $1.order } }
        for entry in added {
            guard var matches = removedByPhone[entry.phone], !matches.isEmpty else {
                count(.added, SnapshotChange.Kind.added.rawValue)
                candidates[.added, default: []].append((entry.index, .added(entry.index)))
                continue
            }
            let previous = matches.removeFirst()
            removedByPhone[entry.phone] = matches
            remaining[previous.identity] = nil
            count(.moved, SnapshotChange.Kind.moved.rawValue)
            candidates[.moved, default: []].append((entry.index, .moved(old: previous.identity, new: entry.index)))
        }
        for (identity, row) in remaining {
            let kind: SnapshotChange.Kind = row.unfetched ? .notFetched : .removed
            let category: SnapshotChange.Category = row.unfetched ? .notFetched : .removed
            count(category, row.unfetched ? "not fetched tonight" : "removed")
            candidates[category, default: []].append((Int(row.order), .gone(identity, kind)))
        }
        var chosen: [Example] = []
        for category in SnapshotChange.Category.allCases where chosen.count < examples {
            guard let list = candidates[category] else { continue }
            chosen += list.sorted { $0.place < $1.place }.prefix(examples - chosen.count).map(\.example)
        }

        // The details: the new rows of added, moved and changed examples, the old rows of the others.
        var wantedNew = Set<Int>()
        var wantedOld = Set<UInt64>()
        for example in chosen {
            switch example {
            case .added(let index): wantedNew.insert(index)
            case .moved(let identity, let index):
                wantedNew.insert(index)
                wantedOld.insert(identity)
            case .changed(let identity, _):
                wantedOld.insert(identity)
                if let index = changed[identity] { wantedNew.insert(index) }
            case .gone(let identity, _): wantedOld.insert(identity)
            }
        }
        let (oldDetails, newDetails) = try Self.inParallel(
            { [oldRows, wantedOld] in try Self.details(oldRows, identities: wantedOld) },
            { [newRows] in try Self.details(newRows, indices: wantedNew) })
        let changes = try chosen.map { example -> SnapshotChange in
            switch example {
            case .added(let index): try Self.change(.added, old: nil, new: newDetails[index])
            case .moved(let identity, let index):
                if let old = oldDetails[identity], let new = newDetails[index] {
                    try Self.moved(old: old, new: new)
                } else {
                    try Self.change(.moved, old: oldDetails[identity], new: newDetails[index])
                }
            case .changed(let identity, let kind):
                try Self.change(kind, old: oldDetails[identity], new: changed[identity].flatMap { newDetails[$0] })
            case .gone(let identity, let kind): try Self.change(kind, old: oldDetails[identity], new: nil)
            }
        }
        return Summary(byCategory: byCategory, total: total, examples: changes)
    }

    /// A change chosen as an example, before its details are read.
    private enum Example {
        case added(Int)
        case moved(old: UInt64, new: Int)
        case changed(UInt64, SnapshotChange.Kind)
        case gone(UInt64, SnapshotChange.Kind)
    }

    /// An old row as kept: its state's fingerprint, its phone number's hash, its place in the file, health
    /// and `sms_ready`.
    private struct OldRow: Sendable {
        var fingerprint: UInt64
        var phone: UInt64
        var order: Int32
        var health: UInt8
        var ready: UInt8
        /// Its scope was not read to the end tonight.
        var unfetched: Bool
    }

    /// A new row as kept, in file order: 32 bytes.
    struct RowKey: Sendable, Hashable {
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
    }

    private static func readOld(_ path: String, unfetched: Set<DiffScope>) throws -> [UInt64: OldRow] {
        var rows: [UInt64: OldRow] = [:]
        var order: Int32 = 0
        try forEachComparedRow(path) { row in
            defer { order += 1 }
            guard rows[row.identityHash] == nil else { return }  // a key repeated in the file: its first row
            rows[row.identityHash] = OldRow(
                fingerprint: row.stateFingerprint, phone: row.phoneHash, order: order, health: healthCode(row.health),
                ready: readinessCode(row.smsReady), unfetched: !unfetched.isEmpty && unfetched.contains(row.scope))
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

    /// The phone-number hash of a row without a phone number: such rows are not compared.
    static let noPhone = FNV1a.hash("")

    /// A health level as one byte; 0 for none.
    static func healthCode(_ level: HealthLevel?) -> UInt8 {
        level.map { UInt8($0.rawValue + 1) } ?? 0
    }

    private static func level(_ code: UInt8) -> HealthLevel? {
        code == 0 ? nil : HealthLevel(rawValue: Int(code) - 1)
    }

    private static func healthName(_ code: UInt8) -> String { level(code)?.name ?? "-" }

    /// `sms_ready` as one byte: 0 for none (row format v1), 1 false, 2 true.
    static func readinessCode(_ ready: Bool?) -> UInt8 { ready.map { $0 ? 2 : 1 } ?? 0 }

    private static func readiness(_ code: UInt8) -> Bool? { code == 0 ? nil : code == 2 }

    private static func differ(
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

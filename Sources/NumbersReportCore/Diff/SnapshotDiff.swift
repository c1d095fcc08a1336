import Foundation
import ReportWriters

/// What changed between two snapshots' rows (`numbers.ndjson.gz`): numbers that can no longer send, health
/// transitions, numbers added, removed and moved between scopes, changed error codes — worst first.
///
/// ``changeSet()`` compares them in memory that does not grow with the rows (what a run, `diff` and the report
/// use); ``allChanges()`` holds every row's key and every change in memory: the plain statement of the same result.
/// Rows without a phone number (an undecodable record) are not compared.
public struct SnapshotDiff: Sendable {
    public var oldRows: String
    public var newRows: String
    /// Scopes the new night did not read to the end: their numbers missing from it are ``SnapshotChange/Kind/notFetched``,
    /// never ``SnapshotChange/Kind/removed``.
    public var unfetchedScopes: Set<DiffScope>
    /// Where ``changeSet()`` keeps its sorted runs and the rows the changes name (files unlinked at once, gone with
    /// the ``ChangeSet``): a run uses its partial snapshot, `diff` the temporary directory.
    public var scratchDirectory: String
    /// Keys sorted in memory before a run is written to disk; `nil` for ``SpillSorter``'s default (4 MiB).
    var sortCapacity: Int?

    /// - Parameters: paths of two `numbers.ndjson.gz` files, the scopes the new night did not read to the end, and
    ///   where scratch files go.
    public init(
        oldRows: String, newRows: String, unfetchedScopes: Set<DiffScope> = [],
        scratchDirectory: String = FileManager.default.temporaryDirectory.path
    ) {
        self.oldRows = oldRows
        self.newRows = newRows
        self.unfetchedScopes = unfetchedScopes
        self.scratchDirectory = scratchDirectory
    }

    /// Two snapshot directories; the new one's `summary.json` says which scopes it did not read to the end.
    public init(oldSnapshot: String, newSnapshot: String) {
        self.init(
            oldRows: SnapshotLocation(path: oldSnapshot).path(of: .numbersNDJSON),
            newRows: SnapshotLocation(path: newSnapshot).path(of: .numbersNDJSON),
            unfetchedScopes: DiffScope.unfetched(inSnapshot: newSnapshot))
    }

    /// A problem reading a rows file.
    public struct DiffError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Calls `visit` for every change, worst first (see ``changeSet()``).
    public func changes(_ visit: (SnapshotChange) throws -> Void) throws {
        try changeSet().forEach(visit)
    }

    /// Every change, worst first: by ``SnapshotChange/Category``, and within a category added and moved numbers
    /// in the new file's order, the others in the old file's order. A number gone from a scope that was read to the
    /// end and listed tonight under another scope is one ``SnapshotChange/Kind/moved`` change (the first such
    /// numbers, in old-file order, pair with the first added ones, in new-file order).
    public func allChanges() throws -> [SnapshotChange] {
        var old: [UInt64: (fingerprint: UInt64, ready: Bool?)] = [:]
        try Self.forEachComparedRow(oldRows) { row in  // a key repeated in the file: its first row
            if old[row.identityHash] == nil { old[row.identityHash] = (row.stateFingerprint, row.smsReady) }
        }
        var added: [DiffRow] = []
        var changed: [UInt64: DiffRow] = [:]  // identity → the new row, for rows whose state changed
        try Self.forEachComparedRow(newRows) { row in
            let identity = row.identityHash
            guard let previous = old.removeValue(forKey: identity) else {
                added.append(row)
                return
            }
            if Self.differ(previous.fingerprint, previous.ready, row.stateFingerprint, row.smsReady) {
                changed[identity] = row
            }
        }
        var later: [SnapshotChange] = []  // removed, not fetched and changed, in the old file's order
        var removed: [(row: DiffRow, place: Int)] = []
        if !old.isEmpty || !changed.isEmpty {
            try Self.forEachComparedRow(oldRows) { row in
                let identity = row.identityHash
                if old.removeValue(forKey: identity) != nil {  // once: a key repeated in the file counts once
                    if unfetchedScopes.contains(row.scope) {
                        later.append(try Self.change(.notFetched, old: row, new: nil))
                    } else {
                        removed.append((row, later.count))
                        later.append(try Self.change(.removed, old: row, new: nil))
                    }
                } else if let new = changed.removeValue(forKey: identity) {
                    later.append(try Self.change(Self.kind(old: row, new: new), old: row, new: new))
                }
            }
        }
        // Moved: each added number takes the first removed one with its phone number.
        var removedByPhone: [String: [(row: DiffRow, place: Int)]] = [:]
        for entry in removed { removedByPhone[entry.row.phoneNumber ?? "", default: []].append(entry) }
        var movedPlaces = Set<Int>()
        var first = try added.map { row -> SnapshotChange in
            let phone = row.phoneNumber ?? ""
            guard var candidates = removedByPhone[phone], !candidates.isEmpty else {
                return try Self.change(.added, old: nil, new: row)
            }
            let previous = candidates.removeFirst()
            removedByPhone[phone] = candidates
            movedPlaces.insert(previous.place)
            return try Self.moved(old: previous.row, new: row)
        }
        first += later.enumerated().filter { !movedPlaces.contains($0.offset) }.map(\.element)
        // Stable: within a category, the order above (added and moved first, in new-file order).
        return first.enumerated().sorted { ($0.element.category, $0.offset) < ($1.element.category, $1.offset) }
            .map(\.element)
    }

    /// Whether a row's state changed: its fingerprint, or `sms_ready` when both nights have it.
    static func differ(
        _ oldFingerprint: UInt64, _ oldReady: Bool?, _ newFingerprint: UInt64, _ newReady: Bool?
    )
        -> Bool
    {
        oldFingerprint != newFingerprint || (oldReady != nil && newReady != nil && oldReady != newReady)
    }

    static func kind(old: DiffRow, new: DiffRow) -> SnapshotChange.Kind {
        old.health != new.health ? .health : old.errorCodes != new.errorCodes ? .errorCodes : .smsReady
    }

    static func change(_ kind: SnapshotChange.Kind, old: DiffRow?, new: DiffRow?) throws -> SnapshotChange {
        guard let row = new ?? old else {
            throw DiffError(description: "a changed row could not be found again (did a rows file change meanwhile?)")
        }
        return SnapshotChange(
            kind: kind, projectId: row.projectId ?? "", servicePlanId: row.servicePlanId ?? "",
            campaignId: row.campaignId ?? "", phoneNumber: row.phoneNumber ?? "", oldHealth: old?.health,
            newHealth: new?.health, oldErrorCodes: old?.errorCodes ?? [], newErrorCodes: new?.errorCodes ?? [],
            oldSmsReady: old?.smsReady, newSmsReady: new?.smsReady)
    }

    static func moved(old: DiffRow, new: DiffRow) throws -> SnapshotChange {
        var change = try change(.moved, old: old, new: new)
        change.previousProjectId = old.projectId ?? ""
        change.previousServicePlanId = old.servicePlanId ?? ""
        change.previousCampaignId = old.campaignId ?? ""
        return change
    }

    /// The rows the comparison can tell apart: those with a phone number (a record that could not be decoded may
    /// have none, and is not compared).
    static func forEachComparedRow(_ path: String, _ body: (DiffRow) throws -> Void) throws {
        try forEachRow(path) { row, _ in
            if let phone = row.phoneNumber, !phone.isEmpty { try body(row) }
        }
    }

    /// Every row with its position: its place among the file's non-empty lines.
    static func forEachRow(_ path: String, _ body: (DiffRow, UInt32) throws -> Void) throws {
        try forEachLine(path) { line, position in
            try body(try decodeRow(line, path: path, position: position), position)
        }
    }

    /// A line's row: scanned, or decoded by `JSONDecoder` when the scanner cannot read it.
    /// - Throws: ``DiffError`` naming the file and the row when it is not a row of this tool.
    static func decodeRow(_ line: UnsafeBufferPointer<UInt8>, path: String, position: UInt32) throws -> DiffRow {
        if let row = DiffRowScanner.scan(line) { return row.row() }
        do {
            return try JSONDecoder().decode(DiffRow.self, from: Data(buffer: line))
        } catch let error as DecodingError {
            throw DiffError(
                description:
                    "\(path): row \(position + 1) (empty lines not counted): not a row of numbers-report (\(error))")
        }
    }

    /// Every non-empty line with its position among them; the bytes are valid only inside `body`.
    static func forEachLine(_ path: String, _ body: (UnsafeBufferPointer<UInt8>, UInt32) throws -> Void) throws {
        let reader: GzipReader
        do {
            reader = try GzipReader(path: path)
        } catch {
            throw DiffError(description: "\(path): \(error)")
        }
        var position: UInt32 = 0
        while let _ = try reader.withNextLine({ line in
            if line.isEmpty { return }
            try body(line, position)
            position += 1
        }) {}
    }
}

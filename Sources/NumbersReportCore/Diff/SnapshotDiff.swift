import Foundation
import ReportWriters

/// What changed between two snapshots' rows (`numbers.ndjson.gz`): numbers added and removed, health
/// transitions, changed error codes.
///
/// Streams both files; of the old one it keeps only a 64-bit identity hash and a state fingerprint
/// per row (16 bytes), then reads it a second time for the details of removed and changed rows.
public struct SnapshotDiff: Sendable {
    public var oldRows: String
    public var newRows: String
    /// Scopes the new night did not read to the end: their numbers missing from it are ``SnapshotChange/Kind/notFetched``,
    /// never ``SnapshotChange/Kind/removed``.
    public var unfetchedScopes: Set<DiffScope>

    /// - Parameters: paths of two `numbers.ndjson.gz` files, and the scopes the new night did not read to the end.
    public init(oldRows: String, newRows: String, unfetchedScopes: Set<DiffScope> = []) {
        self.oldRows = oldRows
        self.newRows = newRows
        self.unfetchedScopes = unfetchedScopes
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

    /// Calls `visit` for every change: first the added rows (in the new file's order), then the removed
    /// and changed rows (in the old file's order).
    public func changes(_ visit: (SnapshotChange) throws -> Void) throws {
        var old: [UInt64: UInt64] = [:]
        try Self.forEachRow(oldRows) { row in old[row.identityHash] = row.stateFingerprint }
        var changed: [UInt64: DiffRow] = [:]  // identity → the new row, for rows whose state changed
        try Self.forEachRow(newRows) { row in
            let identity = row.identityHash
            guard let fingerprint = old.removeValue(forKey: identity) else {
                try visit(Self.change(.added, old: nil, new: row))
                return
            }
            if fingerprint != row.stateFingerprint { changed[identity] = row }
        }
        guard !old.isEmpty || !changed.isEmpty else { return }
        try Self.forEachRow(oldRows) { row in
            let identity = row.identityHash
            if old[identity] != nil {
                try visit(Self.change(unfetchedScopes.contains(row.scope) ? .notFetched : .removed, old: row, new: nil))
            } else if let new = changed.removeValue(forKey: identity) {
                try visit(Self.change(row.health == new.health ? .errorCodes : .health, old: row, new: new))
            }
        }
    }

    /// Every change, in the order of ``changes(_:)``.
    public func allChanges() throws -> [SnapshotChange] {
        var all: [SnapshotChange] = []
        try changes { all.append($0) }
        return all
    }

    static func change(_ kind: SnapshotChange.Kind, old: DiffRow?, new: DiffRow?) -> SnapshotChange {
        let row = (new ?? old)!
        return SnapshotChange(
            kind: kind, projectId: row.projectId ?? "", servicePlanId: row.servicePlanId ?? "",
            campaignId: row.campaignId ?? "", phoneNumber: row.phoneNumber ?? "", oldHealth: old?.health,
            newHealth: new?.health, oldErrorCodes: old?.errorCodes ?? [], newErrorCodes: new?.errorCodes ?? [])
    }

    static func forEachRow(_ path: String, _ body: (DiffRow) throws -> Void) throws {
        let reader: GzipReader
        do {
            reader = try GzipReader(path: path)
        } catch {
            throw DiffError(description: "\(path): \(error)")
        }
        let decoder = JSONDecoder()
        var number = 0
        while let line = try reader.nextLine() {
            number += 1
            if line.isEmpty { continue }
            do {
                try body(try DiffRowScanner.scan(line) ?? decoder.decode(DiffRow.self, from: Data(line)))
            } catch let error as DecodingError {
                throw DiffError(description: "\(path):\(number): not a row of numbers-report (\(error))")
            }
        }
    }
}

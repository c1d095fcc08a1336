/// Every change between two rows files, counted and in order (worst first, as ``SnapshotDiff/allChanges()``),
/// kept in scratch files rather than memory: each change is made from its rows when it is visited, so a night of
/// a million numbers and as many changes needs no more memory than one of a thousand.
///
/// Visited as often as needed (`changes.csv`, the workbook's *Changes* sheet, the report's first examples), from
/// any thread.
public struct ChangeSet: Sendable {
    /// Category → `added`, `removed`, `HEALTHY→FAILED`, …, `error codes changed` → numbers.
    public let byCategory: [SnapshotChange.Category: [String: Int]]
    /// How many changes there are in all.
    public let total: Int
    private let stubs: SortedRecords<ChangeStub>
    private let oldRows: DiffRowStores
    private let newRows: DiffRowStores

    init(
        byCategory: [SnapshotChange.Category: [String: Int]], stubs: SortedRecords<ChangeStub>,
        oldRows: DiffRowStores, newRows: DiffRowStores
    ) {
        self.byCategory = byCategory
        total = stubs.count
        self.stubs = stubs
        self.oldRows = oldRows
        self.newRows = newRows
    }

    /// Calls `visit` with every change, worst first.
    public func forEach(_ visit: (SnapshotChange) throws -> Void) throws {
        var rows = Rows(self)
        try stubs.forEach { stub in try visit(try rows.change(stub)) }
    }

    /// The first `count` changes, worst first.
    public func prefix(_ count: Int) throws -> [SnapshotChange] {
        var changes: [SnapshotChange] = []
        guard count > 0 else { return changes }
        var cursor = stubs.makeCursor()
        var rows = Rows(self)
        while changes.count < count, let stub = try cursor.next() { changes.append(try rows.change(stub)) }
        return changes
    }

    /// The changes of one visit made from their rows, read through readers of its own.
    private struct Rows {
        var old: DiffRowStores.Reader
        var new: DiffRowStores.Reader

        init(_ changes: ChangeSet) {
            old = DiffRowStores.Reader(changes.oldRows)
            new = DiffRowStores.Reader(changes.newRows)
        }

        mutating func change(_ stub: ChangeStub) throws -> SnapshotChange {
            let old = stub.old == ChangeStub.none ? nil : try Self.row(stub.old, of: &self.old, "the previous night")
            let new = stub.new == ChangeStub.none ? nil : try Self.row(stub.new, of: &self.new, "tonight")
            let kind = stub.changeKind
            if kind == .moved, let old, let new { return try SnapshotDiff.moved(old: old, new: new) }
            return try SnapshotDiff.change(kind, old: old, new: new)
        }

        /// The row a change names; its keys and its kept rows disagreeing is a fault, never a change without a
        /// side.
        private static func row(
            _ position: UInt32, of rows: inout DiffRowStores.Reader, _ night: String
        ) throws -> DiffRow {
            guard let row = try rows.row(at: Int(position)) else {
                throw SnapshotDiff.DiffError(
                    description: "row \(Int(position) + 1) of \(night), named by a change, was not kept aside")
            }
            return row
        }
    }
}

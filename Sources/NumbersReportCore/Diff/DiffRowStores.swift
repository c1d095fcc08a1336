/// Stores that follow each other (tonight's scopes, in config order): positions run on from one to the next.
struct DiffRowStores: Sendable {
    private let stores: [DiffRowStore]
    /// The position of each store's first row.
    private let starts: [Int]

    init(_ stores: [DiffRowStore]) {
        self.stores = stores
        var start = 0
        starts = stores.map { store in
            defer { start += store.count }
            return start
        }
    }

    func row(at position: Int) throws -> DiffRow? {
        guard let store = starts.lastIndex(where: { $0 <= position }) else { return nil }
        return try stores[store].row(at: position - starts[store])
    }
}

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

    /// Reads rows of the stores for one visit (``DiffRowStore/Reader``).
    struct Reader {
        private let stores: DiffRowStores
        private var readers: [DiffRowStore.Reader]

        init(_ stores: DiffRowStores) {
            self.stores = stores
            readers = stores.stores.map(DiffRowStore.Reader.init)
        }

        /// The row at `position` (from 0, over the stores in order); `nil` past the last.
        mutating func row(at position: Int) throws -> DiffRow? {
            guard let store = stores.starts.lastIndex(where: { $0 <= position }) else { return nil }
            return try readers[store].row(at: position - stores.starts[store])
        }
    }
}

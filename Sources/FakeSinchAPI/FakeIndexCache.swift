import Synchronization

/// The record indices a filtered or `updatedTime`-ordered query selects, computed once per query and kept.
///
/// Unfiltered `createdTime` queries need no list (row `r` is ``FakeDataSet/recordIndex(scope:row:)``) and never
/// reach the cache.
final class FakeIndexCache: Sendable {
    /// Beyond this many cached queries the cache starts over (a fake sees few distinct queries).
    private static let capacity = 64
    private let entries = Mutex<[FakeListQuery: [Int32]]>([:])

    /// The indices of the records `query` selects, in the order the API lists them.
    func indices(for query: FakeListQuery, in dataSet: FakeDataSet) -> [Int32] {
        if let cached = entries.withLock({ $0[query] }) {
            return cached
        }
        // Computed outside the lock: two racing requests may both compute it, which is harmless.
        let computed = Self.compute(query, in: dataSet)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[query] = computed
        }
        return computed
    }

    private static func compute(_ query: FakeListQuery, in dataSet: FakeDataSet) -> [Int32] {
        let scope = query.scopeIndex
        let count = dataSet.count(scope: scope)
        var selected: [Int32] = []
        if query.regionCode == nil && query.pattern == nil {
            selected = (0..<count).map { Int32(dataSet.recordIndex(scope: scope, row: $0)) }
        } else {
            for index in (0..<count).lazy.map({ dataSet.recordIndex(scope: scope, row: $0) })
            where query.matches(
                phoneNumber: dataSet.phoneNumber(scope: scope, index: index),
                regionCode: dataSet.regionCode(index: index)
            ) {
                selected.append(Int32(index))
            }
        }
        guard query.orderBy == .updatedTime else { return selected }
        // Oldest update first; records without any update time first of all; ties in created order.
        var keyed = selected.map { index in
            (time: dataSet.plan(scope: scope, index: Int(index)).latestUpdateMicros ?? .min, index: index)
        }
        keyed.sort { $0.time != $1.time ? $0.time < $1.time : $0.index < $1.index }
        return keyed.map(\.index)
    }
}

import Foundation
import SinchImportedNumbers

/// The problem rows the report lists: worst level first, then oldest first, at most `capacity`.
///
/// Keeps at most twice its capacity between trims, so memory stays bounded however many rows pass;
/// once full, a row that would not make the cut is turned away without being stored.
public struct ProblemList: Sendable {
    public let capacity: Int
    /// The rows kept, in arrival order; `keys` orders them. Sorting the small keys instead of the rows
    /// keeps a trim cheap. Optional so that a trim can move the rows it keeps (``trim()``).
    private var kept: [NumberRow?] = []
    private var keys: [Key] = []
    /// The key of the last row kept at the latest trim, when the list was full: a row that does not
    /// precede it can never be shown.
    private var cutoff: Key?

    /// What orders the problem rows: worst level first, then oldest problem first, then phone number.
    struct Key: Sendable {
        var level: HealthLevel
        var since: Date?
        var phoneNumber: String
        /// The row's position in `kept`.
        var slot: Int
    }

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Offers a problem row; it is kept while it may still be among the rows shown.
    public mutating func add(_ row: NumberRow) {
        guard capacity > 0 else { return }
        if let cutoff, row.verdict.level < cutoff.level { return }
        let key = Key(
            level: row.verdict.level, since: Self.since(row), phoneNumber: row.number.phoneNumber ?? "",
            slot: kept.count)
        if let cutoff, !Self.precedes(key, cutoff) { return }
        keys.append(key)
        kept.append(row)
        if keys.count >= capacity * 2 { trim() }
    }

    /// Takes the rows of another list (a later scope's).
    public mutating func merge(_ other: ProblemList) {
        let offset = kept.count
        kept += other.kept
        keys += other.keys.map { key in
            var key = key
            key.slot += offset
            return key
        }
        if let otherCutoff = other.cutoff, cutoff.map({ Self.precedes(otherCutoff, $0) }) ?? true {
            // Tighter cutoffs only: a row turned away by either list could not be shown by the merged one.
            cutoff = otherCutoff
        }
        if keys.count >= capacity * 2 { trim() }
    }

    /// Lets go of the rows beyond `capacity` (up to as many again are kept between trims): for a list that is
    /// complete (a scope read to the end) and waits to be merged.
    mutating func trimToCapacity() {
        if keys.count > capacity { trim() }
    }

    /// The rows to show, in report order.
    public var rows: [NumberRow] {
        var copy = self
        copy.trim()
        return copy.kept.map { $0! }
    }

    /// Sorts, keeps the first `capacity` rows, in report order.
    private mutating func trim() {
        keys.sort(by: Self.precedes)
        if keys.count > capacity { keys.removeLast(keys.count - capacity) }
        // The rows kept are moved out of the old array, not copied (a copy retains each of a row's texts).
        var arrived: [NumberRow?] = []
        swap(&arrived, &kept)
        kept = keys.map { arrived[$0.slot].take() }
        for index in keys.indices { keys[index].slot = index }
        if keys.count == capacity, let last = keys.last { cutoff = last }
    }

    static func precedes(_ lhs: Key, _ rhs: Key) -> Bool {
        if lhs.level != rhs.level { return lhs.level > rhs.level }
        switch (lhs.since, rhs.since) {
        case let (left?, right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.phoneNumber < rhs.phoneNumber
        }
    }

    /// Since when the row has had its problem: the oldest update among operations that failed or are in flight.
    static func since(_ row: NumberRow) -> Date? {
        // One pass over the slots in place: no arrays made, no operation copied.
        var oldest: Date?
        let slots = row.operationSlots
        for index in slots.indices where slots[index]?.isTroubled == true {
            if let time = slots[index]?.updateTime, let date = APITimestamp.parse(time),
                oldest.map({ date < $0 }) ?? true
            {
                oldest = date
            }
        }
        return oldest
    }
}

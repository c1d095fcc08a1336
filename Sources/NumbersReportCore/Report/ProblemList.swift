import Foundation
import SinchImportedNumbers

/// The problem rows the report lists: worst level first, then oldest first, at most `capacity`.
///
/// Keeps at most twice its capacity between trims, so memory stays bounded however many rows pass.
public struct ProblemList: Sendable {
    public let capacity: Int
    private var entries: [Entry] = []

    struct Entry: Sendable {
        var row: NumberRow
        var since: Date?
    }

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    mutating func add(_ row: NumberRow) {
        guard capacity > 0 else { return }
        entries.append(Entry(row: row, since: Self.since(row)))
        if entries.count >= capacity * 2 { trim() }
    }

    /// Takes the rows of another list (a later scope's).
    mutating func merge(_ other: ProblemList) {
        entries += other.entries
        if entries.count >= capacity * 2 { trim() }
    }

    /// The rows to show, in report order.
    public var rows: [NumberRow] {
        var copy = self
        copy.trim()
        return copy.entries.map(\.row)
    }

    private mutating func trim() {
        entries.sort(by: Self.precedes)
        if entries.count > capacity { entries.removeLast(entries.count - capacity) }
    }

    static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
        if lhs.row.verdict.level != rhs.row.verdict.level { return lhs.row.verdict.level > rhs.row.verdict.level }
        switch (lhs.since, rhs.since) {
        case let (left?, right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (lhs.row.number.phoneNumber ?? "") < (rhs.row.number.phoneNumber ?? "")
        }
    }

    /// Since when the row has had its problem: the oldest update among operations that failed or are in flight.
    static func since(_ row: NumberRow) -> Date? {
        ProvisioningOperation.operations(of: row.number).filter(\.isTroubled)
            .compactMap { $0.updateTime.flatMap(APITimestamp.parse) }.min()
    }
}

import Foundation
import SinchImportedNumbers

/// What the report says about earlier nights: the changes since the previous snapshot and the
/// health counts of recent snapshots.
public struct ReportHistory: Sendable {
    /// Changes since the previous snapshot; `nil` for the first snapshot of a directory.
    public var changes: Changes?
    /// Oldest first, tonight last.
    public var trend: [TrendPoint]

    public init(changes: Changes?, trend: [TrendPoint]) {
        self.changes = changes
        self.trend = trend
    }

    /// The previous snapshot's name, counts by transition, and the first changes in detail.
    public struct Changes: Sendable {
        public var previousSnapshot: String
        /// `added`, `removed`, `HEALTHY→FAILED`, … → numbers.
        public var counts: [String: Int]
        public var examples: [SnapshotChange]
        public var total: Int
    }

    /// One night's counts.
    public struct TrendPoint: Sendable, Hashable {
        public var snapshot: String
        public var levels: [HealthLevel: Int]
        public var complete: Bool
    }

    /// The changes between `previous` and the rows just written, and the trend of the last `nights` snapshots.
    static func gather(
        archive: SnapshotArchive, newRows: String, tonight: TrendPoint, nights: Int = 14, examples: Int = 50
    ) throws -> ReportHistory {
        let names = archive.snapshotNames()
        var changes: Changes?
        if let previous = names.last {
            let summary = try SnapshotDiff(
                oldRows: archive.directory + "/" + previous + "/data/numbers.ndjson.gz", newRows: newRows
            ).summary(examples: examples)
            changes = Changes(
                previousSnapshot: previous, counts: summary.counts, examples: summary.examples, total: summary.total)
        }
        var trend: [TrendPoint] = names.suffix(nights - 1).compactMap { name in
            guard
                let data = FileManager.default.contents(atPath: archive.directory + "/" + name + "/data/summary.json"),
                let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let totals = summary["totals"] as? [String: Any], let levels = totals["levels"] as? [String: Int]
            else { return nil }
            return TrendPoint(
                snapshot: name,
                levels: Dictionary(
                    uniqueKeysWithValues: levels.compactMap { key, value in HealthLevel(name: key).map { ($0, value) } }
                ),
                complete: summary["complete"] as? Bool ?? false)
        }
        trend.append(tonight)
        return ReportHistory(changes: changes, trend: trend)
    }
}

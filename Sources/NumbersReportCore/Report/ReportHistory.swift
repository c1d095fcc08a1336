import Foundation
import ReportWriters
import SinchImportedNumbers

/// What the report says about earlier nights: the changes since the previous snapshot and the
/// health counts of recent snapshots.
public struct ReportHistory: Sendable {
    /// Changes since the previous snapshot; `nil` for the first snapshot of a directory.
    public var changes: Changes?
    /// Oldest first, tonight last.
    public var trend: [TrendPoint]
    /// Why the comparison is missing or was taken from an older night: earlier snapshots that could not be
    /// read (a damaged or missing rows file). `nil` when the previous snapshot was read, or there is none.
    public var comparisonNote: String?

    public init(changes: Changes?, trend: [TrendPoint], comparisonNote: String? = nil) {
        self.changes = changes
        self.trend = trend
        self.comparisonNote = comparisonNote
    }

    /// The previous snapshot's name, counts by category and transition, the first changes (worst first) in
    /// detail, and all of them for `changes.csv` and the workbook.
    public struct Changes: Sendable {
        public var previousSnapshot: String
        /// The first changes, worst first.
        public var examples: [SnapshotChange]
        /// Every change, worst first: read from scratch files each time it is visited.
        public var all: ChangeSet
        /// The scopes' names: tonight's config, then the previous night's (for scopes no longer configured).
        public var labels: ScopeLabels

        /// Category → `added`, `HEALTHY→FAILED`, … → numbers.
        public var byCategory: [SnapshotChange.Category: [String: Int]] { all.byCategory }

        /// How many changes there are in all.
        public var total: Int { all.total }

        /// The comparison with `previousSnapshot`: every change, worst first, the first `examples` of them shown.
        init(previousSnapshot: String, all: ChangeSet, examples: Int, labels: ScopeLabels) throws {
            self.previousSnapshot = previousSnapshot
            self.all = all
            self.examples = try all.prefix(examples)
            self.labels = labels
        }
    }

    /// One night's counts.
    public struct TrendPoint: Sendable, Hashable {
        public var snapshot: String
        public var levels: [HealthLevel: Int]
        public var complete: Bool
        /// Numbers that could not send SMS; `nil` for nights written before row format v2.
        public var smsNotReady: Int? = nil
    }

    /// The changes since the last published snapshot whose rows can be read, and the trend of the last
    /// `nights` snapshots, in publication (chain) order. A damaged earlier night never stops tonight: it is skipped, and
    /// ``comparisonNote`` says which night could not be read and why.
    /// - Parameters:
    ///   - newRowsWritten: waits until `newRows` is whole, before it is read (only when there are no `newParts`).
    ///   - candidates: how many earlier snapshots, newest first, are tried for the comparison.
    /// - Throws: ``ScratchFileError`` when tonight's scratch files cannot be written or read (a full file system):
    ///   the run fails rather than blame an earlier night.
    static func gather(
        archive: SnapshotArchive, newRows: String, newRowsWritten: () throws -> Void = {},
        newParts: [DiffRowsPart]? = nil, scratchDirectory: String,
        unfetchedScopes: Set<DiffScope> = [], scopes: [ScopeSettings] = [], tonight: TrendPoint,
        nights: Int = 14, examples: Int = 50,
        candidates: Int = 7
    ) throws -> ReportHistory {
        let names = archive.snapshotsInPublicationOrder()
        // Tonight's own failure, if any, before an earlier night could be blamed for it.
        if newParts == nil, !names.isEmpty { try newRowsWritten() }
        var changes: Changes?
        var unreadable: [String] = []
        for previous in names.reversed().prefix(candidates) {
            do {
                let diff = SnapshotDiff(
                    oldRows: SnapshotLocation(directory: archive.directory, name: previous).path(of: .numbersNDJSON),
                    newRows: newRows, unfetchedScopes: unfetchedScopes, scratchDirectory: scratchDirectory)
                // Every change, kept on disk for changes.csv and the workbook; the report shows the first.
                let all = try diff.changeSet(newParts: newParts)
                let previousScopes = ScopeLabels.scopes(
                    inSnapshot: SnapshotLocation(directory: archive.directory, name: previous).path)
                changes = try Changes(
                    previousSnapshot: previous, all: all, examples: examples,
                    labels: ScopeLabels(scopes + previousScopes))
                break
            } catch let error as ScratchFileError {
                throw error  // tonight's own failure (its file system full): no earlier night is to blame
            } catch {
                // Named relative to the archive: the reader knows the snapshot, not the server's paths.
                let reason = String(describing: error).replacingOccurrences(of: archive.directory + "/", with: "")
                unreadable.append("\(previous) could not be read (\(SafeText.line(reason, limit: 500)))")
            }
        }
        var note: String?
        if !unreadable.isEmpty {
            let what = unreadable.joined(separator: "; ")
            if let changes {
                note = "Compared with \(changes.previousSnapshot) instead of the previous night: \(what)."
            } else {
                note = "No comparison with earlier nights: \(what)."
            }
        }
        var trend: [TrendPoint] = names.suffix(nights - 1).compactMap { name in
            let path = SnapshotLocation(directory: archive.directory, name: name).path(of: .summary)
            guard let data = FileManager.default.contents(atPath: path),
                let summary = try? JSONDecoder().decode(TrendSummary.self, from: data)
            else { return nil }
            return TrendPoint(
                snapshot: name, levels: summary.totals.levels.counts, complete: summary.complete ?? false,
                smsNotReady: summary.totals.smsNotReady)
        }
        trend.append(tonight)
        return ReportHistory(changes: changes, trend: trend, comparisonNote: note)
    }

    /// What the trend reads of an earlier night's ``RunSummary``.
    private struct TrendSummary: Decodable {
        var complete: Bool?
        var totals: Totals

        struct Totals: Decodable {
            var levels: RunSummary.LevelCounts
            var smsNotReady: Int?
        }
    }
}

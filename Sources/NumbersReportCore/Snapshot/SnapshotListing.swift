import Foundation
import ReportWriters

/// `list`: the snapshots of an output directory in publication order, with what an operator asks of each — its
/// time, whether every scope was read to the end, rows, levels and size on disk — from its `summary.json`.
public struct SnapshotListing: Sendable {
    /// One snapshot.
    public struct Entry: Sendable, Hashable, Codable {
        /// The directory's name, e.g. `2026-11-29T020000Z`.
        public var name: String
        /// The run's clock, as `summary.json` gives it; `nil` when it cannot be read.
        public var snapshotTime: String?
        /// Every scope read to the end; `nil` when `summary.json` cannot be read.
        public var complete: Bool?
        public var rows: Int?
        /// Rows per level, by name.
        public var levels: [String: Int]?
        /// Bytes of all its files.
        public var bytes: Int
    }

    public var directory: String

    public init(directory: String) { self.directory = directory }

    /// Every published snapshot, oldest first.
    public func entries() -> [Entry] {
        SnapshotArchive(directory: directory).snapshotsInPublicationOrder().map { name in
            let path = directory + "/" + name
            let summary = FileManager.default.contents(atPath: SnapshotLocation(path: path).path(of: .summary))
                .flatMap { try? JSONDecoder().decode(RunSummary.self, from: $0) }
            return Entry(
                name: name, snapshotTime: summary?.snapshotTime, complete: summary?.complete,
                rows: summary?.totals.rows,
                levels: summary.map { summary in
                    Dictionary(uniqueKeysWithValues: summary.totals.levels.counts.map { ($0.key.name, $0.value) })
                }, bytes: Self.bytes(under: path))
        }
    }

    /// The aligned table `list` prints.
    public static func table(_ entries: [Entry]) -> String {
        var rows = [["snapshot", "complete", "rows"] + HealthLevel.worstFirst.map(\.name) + ["size"]]
        for entry in entries {
            rows.append(
                [entry.name, entry.complete.map { $0 ? "yes" : "NO" } ?? "?", entry.rows.map(String.init) ?? "?"]
                    + HealthLevel.worstFirst.map { level in entry.levels.map { String($0[level.name] ?? 0) } ?? "?" }
                    + [Self.size(entry.bytes)])
        }
        return TextTable.render(rows) + "\n"
    }

    /// The entries as a JSON array (keys sorted), for scripts.
    public static func json(_ entries: [Entry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20
            ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : String(format: "%.1f KB", Double(bytes) / 1024)
    }

    /// Bytes of the regular files under `path`, links not followed.
    private static func bytes(under path: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        for case let relative as String in walker {
            var info = stat()
            if lstat(path + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG { total += Int(info.st_size) }
        }
        return total
    }
}

import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// The published snapshots of one output directory: the latest one for the chain, stale partial
/// directories left by a crash, and retention.
public struct SnapshotArchive: Sendable {
    public let directory: String
    static let partialPrefix = ".partial-"

    public init(directory: String) { self.directory = directory }

    /// Names of published snapshots, oldest first (`2026-11-29T020000Z`, then `…-2`, …).
    public func snapshotNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (String, Int, String)? in
            guard let (base, suffix) = Self.parse(name),
                FileSystem.exists(directory + "/" + name + "/tagmanifest-sha256.txt")
            else { return nil }
            return (base, suffix, name)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// `yyyy-MM-ddTHHmmssZ` with an optional `-N`.
    static func parse(_ name: String) -> (String, Int)? {
        let parts = name.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let base = parts[0..<3].joined(separator: "-")
        guard base.count == 18, base.hasSuffix("Z"), APITimestamp.parseCompact(base) != nil else { return nil }
        if parts.count == 3 { return (base, 1) }
        guard let suffix = Int(parts[3]), suffix >= 2 else { return nil }
        return (base, suffix)
    }

    /// The most recent published snapshot's path.
    public func latest() -> String? { snapshotNames().last.map { directory + "/" + $0 } }

    /// SHA-256 of a snapshot's `tagmanifest-sha256.txt`: what the next snapshot chains to.
    public static func tagmanifestSHA256(of snapshot: String) -> String? {
        FileManager.default.contents(atPath: snapshot + "/tagmanifest-sha256.txt").map { Hex.sha256(Array($0)) }
    }

    /// Removes `.partial-*` directories whose run is no longer alive (a crash or a kill); returns them.
    public func removeStalePartials() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(Self.partialPrefix) {
            let id = name.dropFirst(Self.partialPrefix.count)
            if let pid = Int32(id.prefix { $0 != "-" }), pid > 0, kill(pid, 0) == 0 || errno == EPERM { continue }
            FileSystem.removeTree(directory + "/" + name)
            removed.append(name)
        }
        return removed
    }

    /// Keeps the newest `keep` snapshots (0 keeps all); returns the removed ones.
    public func applyRetention(keep: Int) -> [String] {
        guard keep > 0 else { return [] }
        let names = snapshotNames()
        guard names.count > keep else { return [] }
        let doomed = names.prefix(names.count - keep)
        for name in doomed { FileSystem.removeTree(directory + "/" + name) }
        return Array(doomed)
    }

    /// A run id that names its process, so that a later run can tell a crashed run's partial directory.
    public static func newRunID() -> String {
        "\(getpid())-" + UUID().uuidString.lowercased()
    }
}

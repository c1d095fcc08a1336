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

    /// Names of published snapshots, oldest name first (`2026-11-29T020000Z`, then `…-2`, …): real
    /// directories (a symbolic link named like a snapshot is none) that hold a `tagmanifest-sha256.txt`.
    public func snapshotNames() -> [String] {
        snapshotDirectoryNames().filter {
            FileSystem.fileType(directory + "/" + $0 + "/tagmanifest-sha256.txt") == S_IFREG
        }
    }

    /// Names of the real directories named like a snapshot, oldest name first, with or without a tag manifest.
    func snapshotDirectoryNames() -> [String] {
        entriesNamedLikeSnapshots().filter { FileSystem.fileType(directory + "/" + $0) == S_IFDIR }
    }

    /// Every entry named like a snapshot, whatever it is (directory, link, file), oldest name first.
    func entriesNamedLikeSnapshots() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (String, Int, String)? in
            guard let (base, suffix) = Self.parse(name) else { return nil }
            return (base, suffix, name)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Published snapshots (those with a tag manifest) in publication order, oldest first: the chain's
    /// order, which differs from name order after an older night was re-run with `run --now`.
    func snapshotsInPublicationOrder() -> [String] {
        let chain = chain()
        return chain.order.filter { chain.nodes[$0]?.tagmanifestSHA256 != nil }
    }

    /// The chain through the snapshot directories (see ``SnapshotChain``).
    func chain() -> SnapshotChain {
        SnapshotChain(directory: directory, names: snapshotDirectoryNames())
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

    /// The end of the chain: the snapshot published last, which the next snapshot chains to. That is
    /// the newest name, except after an older night was re-run (`run --now`): publication order is the
    /// chain's order.
    public func latest() -> String? { chain().latest.map { directory + "/" + $0 } }

    /// SHA-256 of a snapshot's `tagmanifest-sha256.txt`: what the next snapshot chains to.
    public static func tagmanifestSHA256(of snapshot: String) -> String? {
        guard let bag = try? BagReader(path: snapshot) else { return nil }
        return (try? bag.readSmallFile(["tagmanifest-sha256.txt"])).map(Hex.sha256)
    }

    /// Removes every `.partial-*` entry: the directories of runs that were interrupted (a crash or a
    /// kill). Call it only while holding the ``OutputDirectoryLock``: then no other run is writing one.
    /// A link is removed as a link, never followed. Returns the names removed.
    public func removeStalePartials() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(Self.partialPrefix) {
            FileSystem.removeTree(directory + "/" + name)
            removed.append(name)
        }
        return removed
    }

    /// Keeps the newest `keep` snapshots (0 keeps all) and returns the removed ones: the oldest in chain
    /// order, so the chain that stays has no gap. Only real snapshot directories are removed; a link
    /// named like a snapshot is neither counted nor followed.
    public func applyRetention(keep: Int) -> [String] {
        guard keep > 0 else { return [] }
        let published = Set(snapshotNames())
        guard published.count > keep else { return [] }
        let ordered = chain().order.filter(published.contains)
        let doomed = ordered.prefix(ordered.count - keep)
        for name in doomed { FileSystem.removeTree(directory + "/" + name) }
        return Array(doomed)
    }

    /// A run id: the process id and a random UUID, so that partial directories never clash.
    public static func newRunID() -> String {
        "\(getpid())-" + UUID().uuidString.lowercased()
    }
}

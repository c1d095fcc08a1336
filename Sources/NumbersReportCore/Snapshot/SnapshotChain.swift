import ReportWriters

/// How the snapshots of one output directory link up: each bag's `Previous-Tagmanifest-SHA256`
/// (bag-info.txt) names the SHA-256 of the `tagmanifest-sha256.txt` of the snapshot published before it.
///
/// The snapshots must form one line: every snapshot is the predecessor of at most one other (two
/// successors are a fork), and only one snapshot, the root, may chain to a snapshot that is not here
/// (retention removed the older ones) or to `none` (the first night). Any other link that leads
/// nowhere is a gap: a snapshot was removed, or its tag manifest altered or deleted. The order of the
/// chain is the order of publication, which is the order of the names except when an older night was
/// re-run (`run --now`), so it is followed, not the names.
struct SnapshotChain {
    /// One snapshot's place in the chain.
    struct Node {
        var name: String
        /// SHA-256 of its `tagmanifest-sha256.txt`; nil when that file is missing or unreadable.
        var tagmanifestSHA256: String?
        /// Its `Previous-Tagmanifest-SHA256`; nil when missing.
        var previous: String?
        /// Why bag-info.txt could not be read, if it could not.
        var bagInfoRefusal: String?
    }

    /// The snapshots by name.
    let nodes: [String: Node]
    /// Root first, each snapshot followed by the one chained to it; after a gap the next piece of the
    /// chain follows, then snapshots in a loop of links.
    let order: [String]
    /// What is wrong with each snapshot's link, by snapshot name.
    let problems: [String: [String]]
    /// The end of the chain: the snapshot published last, which tonight's snapshot chains to.
    let latest: String?

    /// Reads the links of `names`, real directories of `directory` named like snapshots, oldest name
    /// first. Every file is read as a hostile bag's (``BagReader``).
    init(directory: String, names: [String]) {
        var nodes: [String: Node] = [:]
        for name in names {
            var node = Node(name: name)
            if let bag = try? BagReader(directory: directory, name: name) {
                node.tagmanifestSHA256 = (try? bag.readSmallFile(["tagmanifest-sha256.txt"])).map(Hex.sha256)
                do {
                    let info = try bag.readSmallFile(["bag-info.txt"])
                    node.previous =
                        BagInfo.fields(of: String(decoding: info, as: UTF8.self))[
                            "Previous-Tagmanifest-SHA256"]
                } catch {
                    node.bagInfoRefusal = error.reason
                }
            } else {
                node.bagInfoRefusal = "the snapshot cannot be opened"
            }
            nodes[name] = node
        }
        self.init(nodes: nodes, names: names)
    }

    /// Builds the chain from links already read; `names` in name order.
    init(nodes: [String: Node], names: [String]) {
        var problems: [String: [String]] = [:]
        func problem(_ name: String, _ text: String) { problems[name, default: []].append(text) }

        var byDigest: [String: String] = [:]
        for name in names {
            guard let digest = nodes[name]?.tagmanifestSHA256 else { continue }
            if let first = byDigest[digest] {
                problem(name, "the same tag manifest as \(first): a copy of a snapshot, not a night of its own")
            } else {
                byDigest[digest] = name
            }
        }
        var predecessor: [String: String] = [:]
        var successors: [String: [String]] = [:]
        for name in names {
            let node = nodes[name]!
            guard let previous = node.previous, !previous.isEmpty else {
                if let refusal = node.bagInfoRefusal {
                    problem(name, "bag-info.txt cannot be read (\(refusal)): the chain link cannot be checked")
                } else {
                    problem(name, "no Previous-Tagmanifest-SHA256")
                }
                continue
            }
            if previous == "none" { continue }
            if let earlier = byDigest[previous.lowercased()], earlier != name {
                predecessor[name] = earlier
                successors[earlier, default: []].append(name)
            }
        }
        let heads = names.filter { predecessor[$0] == nil }
        let root = heads.first { nodes[$0]?.previous == "none" } ?? heads.first
        for head in heads where head != root {
            guard let previous = nodes[head]?.previous, !previous.isEmpty else { continue }  // reported above
            if previous == "none" {
                problem(
                    head,
                    "chain gap: \(head) starts a chain of its own (Previous-Tagmanifest-SHA256: none), "
                        + "but the chain of this directory starts at \(root ?? "?")")
            } else {
                problem(
                    head,
                    "chain gap: \(head) chains to a snapshot that is not here: Previous-Tagmanifest-SHA256 "
                        + "\(previous.prefix(16))… matches no earlier snapshot (it was removed, or its tag manifest "
                        + "altered or deleted)")
            }
        }
        for (earlier, later) in successors where later.count > 1 {
            for name in later.dropFirst() {
                problem(
                    name,
                    "chain fork: \(later.joined(separator: " and ")) all chain to \(earlier); the snapshots of a "
                        + "directory must form one line (were two runs at once?)")
            }
        }
        var order: [String] = []
        var visited: Set<String> = []
        for head in (root.map { [$0] } ?? []) + heads.filter({ $0 != root }) {
            var stack = [head]
            while let name = stack.popLast() {
                guard visited.insert(name).inserted else { continue }
                order.append(name)
                stack += (successors[name] ?? []).reversed()
            }
        }
        for name in names where !visited.contains(name) {
            problem(name, "not on the chain: its link leads into a loop of links, not back to \(root ?? "a root")")
            order.append(name)
        }
        self.nodes = nodes
        self.order = order
        self.problems = problems
        latest =
            order.last { nodes[$0]?.tagmanifestSHA256 != nil && (successors[$0] ?? []).isEmpty }
            ?? order.last { nodes[$0]?.tagmanifestSHA256 != nil }
    }
}

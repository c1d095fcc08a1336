import Foundation
import ReportWriters

/// Checks a published snapshot: bag structure, every checksum, Payload-Oxum, and the chain link to
/// the previous snapshot in the same directory.
///
/// The bag is treated as hostile: a manifest path must be relative, normalised and inside the bag; no
/// file is opened through a symbolic link, only regular files are read (a FIFO or a device is refused,
/// never opened), tag files are read only up to 64 MiB, and every payload file must be listed once.
public struct BagVerifier: Sendable {
    /// One thing wrong, naming the file.
    public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
        public var snapshot: String
        public var file: String
        public var problem: String
        /// One line: names found in a bag are escaped (a file name may carry line breaks or escape codes).
        public var description: String { SafeText.line("\(snapshot)/\(file): \(problem)") }

        /// A problem with `file` (empty: the snapshot or directory itself) of `snapshot`.
        public init(snapshot: String, file: String, problem: String) {
            self.snapshot = snapshot
            self.file = file
            self.problem = problem
        }
    }

    public init() {}

    /// Everything wrong with one snapshot; empty when it is intact and its chain link holds.
    public func verify(snapshot path: String) -> [Problem] {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let parent = url.deletingLastPathComponent().path
        var problems: [Problem] = []
        let info: [String: String]?
        do {
            (problems, info) = bagProblems(try BagReader(path: path), name: name)
        } catch {
            return [Problem(snapshot: name, file: ".", problem: error.reason)]
        }
        let archive = SnapshotArchive(directory: parent)
        let names = archive.snapshotDirectoryNames()
        if names.contains(name) {
            let chain = SnapshotChain(directory: parent, names: names)
            problems += (chain.problems[name] ?? []).map { Problem(snapshot: name, file: "bag-info.txt", problem: $0) }
        } else if let info {
            problems += standaloneChainProblems(name: name, previous: info["Previous-Tagmanifest-SHA256"], in: archive)
        }
        return problems
    }

    /// Every snapshot of an output directory, walked in chain order, and the chain through them: one
    /// line, with a gap only before its first snapshot. An entry named like a snapshot that is not a
    /// directory, or a directory without its tag manifest, is a problem too.
    public func verifyAll(directory: String) -> (snapshots: Int, problems: [Problem]) {
        let archive = SnapshotArchive(directory: directory)
        var problems: [Problem] = []
        var notDirectories = 0
        for name in archive.entriesNamedLikeSnapshots() {
            guard let type = FileSystem.fileType(directory + "/" + name), type != S_IFDIR else { continue }
            notDirectories += 1
            problems.append(
                Problem(
                    snapshot: name, file: ".",
                    problem: "\(BagReader.typeName(type)) named like a snapshot, not a snapshot directory: not followed"
                ))
        }
        let chain = archive.chain()
        for name in chain.order {
            do {
                problems += bagProblems(try BagReader(directory: directory, name: name), name: name).problems
            } catch {
                problems.append(Problem(snapshot: name, file: ".", problem: error.reason))
            }
            problems += (chain.problems[name] ?? []).map { Problem(snapshot: name, file: "bag-info.txt", problem: $0) }
        }
        return (chain.order.count + notDirectories, problems)
    }

    /// The chain link of a snapshot that is not in a directory of snapshots (a copy, a render): it must
    /// match a snapshot beside it, if there is any.
    private func standaloneChainProblems(name: String, previous: String?, in archive: SnapshotArchive) -> [Problem] {
        guard let previous, !previous.isEmpty else {
            return [Problem(snapshot: name, file: "bag-info.txt", problem: "no Previous-Tagmanifest-SHA256")]
        }
        guard previous != "none" else { return [] }
        let chain = archive.chain()
        if chain.order.isEmpty { return [] }
        if chain.nodes.values.contains(where: { $0.tagmanifestSHA256 == previous.lowercased() }) { return [] }
        return [
            Problem(
                snapshot: name, file: "bag-info.txt",
                problem: "Previous-Tagmanifest-SHA256 \(previous.prefix(16))… matches no earlier snapshot: "
                    + "the previous snapshot was removed or altered")
        ]
    }

    /// The problems of the bag itself (not its chain link), and its bag-info fields when readable.
    private func bagProblems(_ bag: BagReader, name: String) -> (problems: [Problem], info: [String: String]?) {
        var problems: [Problem] = []
        func problem(_ file: String, _ text: String) {
            problems.append(Problem(snapshot: name, file: file, problem: text))
        }
        do {
            let bagit = try bag.readSmallFile(["bagit.txt"])
            if bagit != Array(BagTagFiles.bagitText.utf8) {
                problem("bagit.txt", "not the BagIt 1.0 declaration this tool writes")
            }
        } catch {
            problem("bagit.txt", error.reason == "missing" ? "missing: this is not a BagIt bag" : error.reason)
            return (problems, nil)
        }
        // Payload manifests: every listed file is a regular file inside data/ and matches; every payload
        // file is listed, once.
        let (payloadFiles, payloadProblems) = bag.payloadFiles()
        for (file, text) in payloadProblems { problem(file, text) }
        // Reads stay bounded: no payload file can be larger than the whole payload bag-info declares.
        let declaredBytes = (try? bag.readSmallFile(["bag-info.txt"])).flatMap { bytes in
            BagInfo.fields(of: String(decoding: bytes, as: UTF8.self))["Payload-Oxum"]?.split(separator: ".").first
                .flatMap { Int($0) }
        }
        var digests: [String: (sha256: String, sha512: String)] = [:]
        for (manifest, algorithm) in [("manifest-sha256.txt", "sha256"), ("manifest-sha512.txt", "sha512")] {
            guard let entries = readManifest(bag, manifest, report: problem) else { continue }
            var listed: Set<String> = []
            for entry in entries {
                guard
                    let (components, path) = Self.listedPath(entry.path, in: manifest, listed: &listed, report: problem)
                else { continue }
                guard components.count >= 2, components[0] == "data" else {
                    problem(path, "listed in \(manifest) but not under data/: not a payload file")
                    continue
                }
                guard payloadFiles[path] != nil else {
                    var reason = "missing"
                    do { close(try bag.openRegularFile(components).descriptor) } catch { reason = error.reason }
                    problem(path, "listed in \(manifest) but \(reason)")
                    continue
                }
                if let size = payloadFiles[path], size > BagReader.maximumPayloadFileSize {
                    problem(path, "is \(size) bytes, more than verify reads of one file (16 GiB): not hashed")
                    continue
                }
                if let declaredBytes, let size = payloadFiles[path], size > declaredBytes {
                    problem(
                        path,
                        "is \(size) bytes, more than the whole payload Payload-Oxum declares (\(declaredBytes)): not hashed"
                    )
                    continue
                }
                if digests[path] == nil {
                    do {
                        digests[path] = try bag.digests(components)
                    } catch {
                        problem(path, "cannot be hashed: \(error.reason)")
                        continue
                    }
                }
                let actual = algorithm == "sha256" ? digests[path]!.sha256 : digests[path]!.sha512
                if actual != entry.checksum {
                    problem(path, "\(algorithm.uppercased()) differs from \(manifest): the file was changed")
                }
            }
            for file in Set(payloadFiles.keys).subtracting(listed).sorted() {
                problem(file, "present but not listed in \(manifest)")
            }
        }
        // Tag manifest.
        if let entries = readManifest(bag, "tagmanifest-sha256.txt", report: problem) {
            var listed: Set<String> = []
            for entry in entries {
                guard
                    let (components, file) = Self.listedPath(
                        entry.path, in: "tagmanifest-sha256.txt", listed: &listed, report: problem)
                else { continue }
                let digest: String
                do {
                    digest = try bag.digests(components, limit: BagReader.maximumTagFileSize).sha256
                } catch {
                    if error.reason == "missing" {
                        problem("tagmanifest-sha256.txt", "lists \(file), which does not exist")
                    } else {
                        problem(file, "listed in tagmanifest-sha256.txt but \(error.reason)")
                    }
                    continue
                }
                if digest != entry.checksum {
                    problem(file, "SHA-256 differs from tagmanifest-sha256.txt: one of the two was changed")
                }
            }
            for required in BagTagFiles.listedTagFiles where !listed.contains(required) {
                problem("tagmanifest-sha256.txt", "does not list \(required)")
            }
        }
        // bag-info: Payload-Oxum.
        let infoBytes: [UInt8]
        do {
            infoBytes = try bag.readSmallFile(["bag-info.txt"])
        } catch {
            problem("bag-info.txt", error.reason)
            return (problems, nil)
        }
        let info = BagInfo.fields(of: String(decoding: infoBytes, as: UTF8.self))
        let bytes = payloadFiles.values.reduce(0, +)
        if info["Payload-Oxum"] != "\(bytes).\(payloadFiles.count)" {
            problem(
                "bag-info.txt",
                "Payload-Oxum \(info["Payload-Oxum"] ?? "missing") but the payload is \(bytes).\(payloadFiles.count)")
        }
        return (problems, info)
    }

    /// A manifest entry's path as components inside the bag and as text, once per manifest; `nil` (and a
    /// problem) when it leaves the bag or was listed before.
    private static func listedPath(
        _ path: String, in manifest: String, listed: inout Set<String>, report problem: (String, String) -> Void
    ) -> ([String], String)? {
        let components: [String]
        do {
            components = try BagReader.components(ofManifestPath: path)
        } catch {
            problem(path, "listed in \(manifest) with \(error.reason): refused, not read")
            return nil
        }
        let joined = components.joined(separator: "/")
        guard listed.insert(joined).inserted else {
            problem(joined, "listed twice in \(manifest)")
            return nil
        }
        return (components, joined)
    }

    /// `checksum  path` lines (checksum lower-cased, path as written, before percent-decoding); nil (and
    /// a problem) when the manifest is missing, unreadable, too large or malformed.
    private func readManifest(
        _ bag: BagReader, _ manifest: String, report: (String, String) -> Void
    ) -> [(checksum: String, path: String)]? {
        let bytes: [UInt8]
        do {
            bytes = try bag.readSmallFile([manifest])
        } catch {
            report(manifest, error.reason)
            return nil
        }
        var entries: [(checksum: String, path: String)] = []
        for (number, rawLine) in bytes.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == 13 ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            guard let gap = line.firstIndex(where: { $0 == 32 || $0 == 9 }) else {
                report(manifest, "line \(number + 1) is not \"checksum  path\"")
                return nil
            }
            let checksum = String(decoding: line[..<gap], as: UTF8.self)
            let path = line[gap...].drop { $0 == 32 || $0 == 9 }
            guard !checksum.isEmpty, checksum.allSatisfy(\.isHexDigit), !path.isEmpty else {
                report(manifest, "line \(number + 1) is not \"checksum  path\"")
                return nil
            }
            entries.append((checksum.lowercased(), String(decoding: path, as: UTF8.self)))
        }
        return entries
    }
}

import Crypto
import Foundation

/// Checks a published snapshot: bag structure, every checksum, Payload-Oxum, and the chain link to
/// the previous snapshot in the same directory.
public struct BagVerifier: Sendable {
    /// One thing wrong, naming the file.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var snapshot: String
        public var file: String
        public var problem: String
        public var description: String { "\(snapshot)/\(file): \(problem)" }
    }

    public init() {}

    /// Everything wrong with one snapshot; empty when it is intact and its chain link holds.
    public func verify(snapshot path: String) -> [Problem] {
        var problems: [Problem] = []
        let name = URL(fileURLWithPath: path).lastPathComponent
        func problem(_ file: String, _ text: String) {
            problems.append(Problem(snapshot: name, file: file, problem: text))
        }

        guard let bagit = read(path + "/bagit.txt") else {
            problem("bagit.txt", "missing: this is not a BagIt bag")
            return problems
        }
        if bagit != Array(BagTagFiles.bagitText.utf8) {
            problem("bagit.txt", "not the BagIt 1.0 declaration this tool writes")
        }
        // Payload manifests: every listed file matches, every payload file is listed.
        let payloadFiles = Set(listFiles(under: path, relative: "data"))
        for (manifest, algorithm) in [("manifest-sha256.txt", "sha256"), ("manifest-sha512.txt", "sha512")] {
            guard let entries = readManifest(path, manifest, report: problem) else { continue }
            for (listed, expected) in entries {
                guard payloadFiles.contains(listed) else {
                    problem(listed, "listed in \(manifest) but missing")
                    continue
                }
                if digest(path + "/" + listed, algorithm: algorithm) != expected {
                    problem(listed, "\(algorithm.uppercased()) differs from \(manifest): the file was changed")
                }
            }
            for file in payloadFiles.subtracting(entries.map(\.0)).sorted() {
                problem(file, "present but not listed in \(manifest)")
            }
        }
        // Tag manifest.
        if let entries = readManifest(path, "tagmanifest-sha256.txt", report: problem) {
            let listed = Set(entries.map(\.0))
            for required in BagTagFiles.listedTagFiles where !listed.contains(required) {
                problem("tagmanifest-sha256.txt", "does not list \(required)")
            }
            for (file, expected) in entries {
                guard FileManager.default.fileExists(atPath: path + "/" + file) else {
                    problem("tagmanifest-sha256.txt", "lists \(file), which does not exist")
                    continue
                }
                if digest(path + "/" + file, algorithm: "sha256") != expected {
                    problem(file, "SHA-256 differs from tagmanifest-sha256.txt: one of the two was changed")
                }
            }
        }
        // bag-info: Payload-Oxum and the chain.
        guard let infoBytes = read(path + "/bag-info.txt") else {
            problem("bag-info.txt", "missing")
            return problems
        }
        let info = BagInfo.fields(of: String(decoding: infoBytes, as: UTF8.self))
        let bytes = payloadFiles.reduce(0) { $0 + (size(path + "/" + $1) ?? 0) }
        if info["Payload-Oxum"] != "\(bytes).\(payloadFiles.count)" {
            problem(
                "bag-info.txt",
                "Payload-Oxum \(info["Payload-Oxum"] ?? "missing") but the payload is \(bytes).\(payloadFiles.count)")
        }
        problems += chainProblems(snapshot: path, previous: info["Previous-Tagmanifest-SHA256"])
        return problems
    }

    /// Every snapshot of an output directory, and the chain through them.
    public func verifyAll(directory: String) -> (snapshots: Int, problems: [Problem]) {
        let names = SnapshotArchive(directory: directory).snapshotNames()
        return (names.count, names.flatMap { verify(snapshot: directory + "/" + $0) })
    }

    private func chainProblems(snapshot path: String, previous: String?) -> [Problem] {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard let previous, !previous.isEmpty else {
            return [Problem(snapshot: name, file: "bag-info.txt", problem: "no Previous-Tagmanifest-SHA256")]
        }
        guard previous != "none" else { return [] }
        let archive = SnapshotArchive(directory: url.deletingLastPathComponent().path)
        let names = archive.snapshotNames()
        let earlier = names.prefix { $0 != name }
        if earlier.contains(where: { SnapshotArchive.tagmanifestSHA256(of: archive.directory + "/" + $0) == previous })
        {
            return []
        }
        if earlier.isEmpty { return [] }  // the chain starts here: older snapshots were removed (output.keep)
        return [
            Problem(
                snapshot: name, file: "bag-info.txt",
                problem: "Previous-Tagmanifest-SHA256 \(previous.prefix(16))… matches no earlier snapshot: "
                    + "the previous snapshot was removed or altered")
        ]
    }

    private func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    private func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// `checksum  path` lines; nil (and a problem) when the manifest is missing or malformed.
    private func readManifest(
        _ bag: String, _ manifest: String, report: (String, String) -> Void
    ) -> [(String, String)]? {
        guard let bytes = read(bag + "/" + manifest) else {
            report(manifest, "missing")
            return nil
        }
        var entries: [(String, String)] = []
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            if line.isEmpty { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].allSatisfy(\.isHexDigit) else {
                report(manifest, "line \(number + 1) is not \"checksum  path\"")
                return nil
            }
            entries.append((BagTagFiles.decodePath(parts[1].trimmingCharacters(in: .whitespaces)), String(parts[0])))
        }
        return entries
    }

    /// Files below `bag/relative`, as bag-relative paths.
    private func listFiles(under bag: String, relative: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: bag + "/" + relative) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: bag + "/" + relative + "/" + item, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(relative + "/" + item)
            }
        }
        return files
    }

    /// Streams a file through SHA-256 or SHA-512.
    private func digest(_ path: String, algorithm: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var sha256 = SHA256()
        var sha512 = SHA512()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            if algorithm == "sha256" { sha256.update(data: chunk) } else { sha512.update(data: chunk) }
        }
        return algorithm == "sha256" ? Hex.string(sha256.finalize()) : Hex.string(sha512.finalize())
    }
}

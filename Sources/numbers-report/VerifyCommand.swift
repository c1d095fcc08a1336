import ArgumentParser
import Foundation
import NumbersReportCore

/// `numbers-report verify SNAPSHOT` / `verify --all OUTPUT`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a snapshot's checksums, bag structure and chain link; exit 0 only when all hold.",
        discussion: """
            Recomputes every SHA-256 and SHA-512 of the bag, checks Payload-Oxum, and checks that \
            Previous-Tagmanifest-SHA256 matches the snapshot published before it in the same directory. The bag is \
            treated as hostile: manifest paths must stay inside it, only regular files are read (no symbolic links, \
            FIFOs or devices), tag files are read up to 64 MiB, and every payload file must be listed once.

            With --all, checks every snapshot of an output directory in chain order, and that they form one line: \
            each snapshot chains to the one published before it, no two chain to the same one (a fork), and only the \
            oldest may chain to a snapshot that is no longer there (output.keep removed it). A directory named like a \
            snapshot without its tag manifest, or a symbolic link named like one, fails.

            Examples:  numbers-report verify reports/2026-11-29T020000Z
                       numbers-report verify --all reports
            """)

    @Flag(help: "PATH is an output directory: verify every snapshot in it and the chain. Example: --all reports")
    var all = false

    @Argument(help: "A snapshot directory (or, with --all, an output directory). Example: reports/2026-11-29T020000Z")
    var path: String

    @Flag(help: "The result as JSON: {checked, ok, problems: [{snapshot, file, problem}]}.")
    var json = false

    func run() throws {
        let verifier = BagVerifier()
        let path = self.path.hasSuffix("/") ? String(self.path.dropLast()) : self.path
        let problems: [BagVerifier.Problem]
        let checked: Int
        if all {
            (checked, problems) = verifier.verifyAll(directory: path)
            if checked == 0 { try nothingToVerify(path, "no snapshots found") }
        } else {
            // attributesOfItem does not follow a final symbolic link: a linked bagit.txt is the verifier's to refuse.
            guard (try? FileManager.default.attributesOfItem(atPath: path + "/bagit.txt")) != nil else {
                try nothingToVerify(path, "not a snapshot (no bagit.txt)")
            }
            checked = 1
            problems = verifier.verify(snapshot: path)
        }
        if json {
            try printJSON(checked: checked, problems: problems)
            if !problems.isEmpty { throw ExitCode(1) }
            return
        }
        for problem in problems { print(problem) }
        if problems.isEmpty {
            print("OK: \(checked) snapshot\(checked == 1 ? "" : "s") verified")
        } else {
            print("FAILED: \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}

extension VerifyCommand {
    /// Exit 1 when there is nothing to verify: said on stderr, and with `--json` as a problem on stdout too, so
    /// that a JSON consumer always gets an object.
    fileprivate func nothingToVerify(_ path: String, _ problem: String) throws -> Never {
        StandardError.write("\(path): \(problem)\n")
        if json { try printJSON(checked: 0, problems: [.init(snapshot: path, file: "", problem: problem)]) }
        throw ExitCode(1)
    }

    fileprivate func printJSON(checked: Int, problems: [BagVerifier.Problem]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let result = VerifyResult(checked: checked, ok: problems.isEmpty, problems: problems)
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}

/// What `verify --json` prints.
private struct VerifyResult: Encodable {
    var checked: Int
    var ok: Bool
    var problems: [BagVerifier.Problem]
}

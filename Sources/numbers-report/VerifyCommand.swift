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
            Previous-Tagmanifest-SHA256 matches an earlier snapshot in the same directory. With --all, checks \
            every snapshot of an output directory and so the whole chain.

            Examples:  numbers-report verify reports/2026-11-29T020000Z
                       numbers-report verify --all reports
            """)

    @Flag(help: "PATH is an output directory: verify every snapshot in it and the chain. Example: --all reports")
    var all = false

    @Argument(help: "A snapshot directory (or, with --all, an output directory). Example: reports/2026-11-29T020000Z")
    var path: String

    func run() throws {
        let verifier = BagVerifier()
        let path = self.path.hasSuffix("/") ? String(self.path.dropLast()) : self.path
        let problems: [BagVerifier.Problem]
        let checked: Int
        if all {
            (checked, problems) = verifier.verifyAll(directory: path)
            if checked == 0 {
                StandardError.write("\(path): no snapshots found\n")
                throw ExitCode(1)
            }
        } else {
            guard FileManager.default.fileExists(atPath: path + "/bagit.txt") else {
                StandardError.write("\(path): not a snapshot (no bagit.txt)\n")
                throw ExitCode(1)
            }
            checked = 1
            problems = verifier.verify(snapshot: path)
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

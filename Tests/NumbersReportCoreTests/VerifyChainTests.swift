import Foundation
import NumbersReportCore
import Testing

@Suite("verify --all: the snapshots form one line")
struct VerifyChainTests {
    private func night(_ number: Int) -> Date { Fixtures.clock.addingTimeInterval(Double(number) * 86_400) }

    private func previousLink(_ snapshot: String) throws -> String {
        let info = try String(contentsOfFile: snapshot + "/bag-info.txt", encoding: .utf8)
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Previous-Tagmanifest-SHA256: ") })
        return String(line.dropFirst("Previous-Tagmanifest-SHA256: ".count))
    }

    @Test("a snapshot directory without its tag manifest fails verify --all, naming it, wherever it is in the chain")
    func missingTagManifest() async throws {
        try await RunHarness.with { harness in
            var snapshots: [String] = []
            for number in 0..<3 {
                snapshots.append(try #require(try await harness.run(clock: night(number)).snapshotPath))
            }
            let verifier = BagVerifier()
            #expect(verifier.verifyAll(directory: harness.outputDirectory).problems.isEmpty)
            for (index, name) in [(2, "2026-12-01T020000Z"), (1, "2026-11-30T020000Z")] {
                let tagmanifest = snapshots[index] + "/tagmanifest-sha256.txt"
                let saved = try Data(contentsOf: URL(fileURLWithPath: tagmanifest))
                try FileManager.default.removeItem(atPath: tagmanifest)
                let result = verifier.verifyAll(directory: harness.outputDirectory)
                #expect(result.snapshots == 3)
                #expect(
                    result.problems.contains { $0.snapshot == name && $0.file == "tagmanifest-sha256.txt" },
                    "\(result.problems)")
                try saved.write(to: URL(fileURLWithPath: tagmanifest))
            }
            #expect(verifier.verifyAll(directory: harness.outputDirectory).problems.isEmpty)
        }
    }

    @Test("an older night re-run chains to the last published; removing that one is a gap, not a new start")
    func olderNightRerun() async throws {
        try await RunHarness.with { harness in
            var snapshots: [String] = []
            for number in 0..<3 {
                snapshots.append(try #require(try await harness.run(clock: night(number)).snapshotPath))
            }
            // Re-run the night before the first: published last, it chains to the newest snapshot.
            let rerun = try #require(try await harness.run(clock: night(-1)).snapshotPath)
            #expect(rerun.hasSuffix("/2026-11-28T020000Z"))
            #expect(try previousLink(rerun) == SnapshotArchive.tagmanifestSHA256(of: snapshots[2]))
            // The next night chains to the re-run, the last published, not to the newest name.
            let next = try #require(try await harness.run(clock: night(3)).snapshotPath)
            #expect(try previousLink(next) == SnapshotArchive.tagmanifestSHA256(of: rerun))
            let verifier = BagVerifier()
            let intact = verifier.verifyAll(directory: harness.outputDirectory)
            #expect(intact.problems.isEmpty, "\(intact.problems)")
            #expect(intact.snapshots == 5)

            // Removing the snapshot the re-run chains to leaves the re-run dangling: a gap.
            try FileManager.default.removeItem(atPath: snapshots[2])
            let problems = verifier.verifyAll(directory: harness.outputDirectory).problems
            #expect(problems.count == 1, "\(problems)")
            #expect(problems.first?.snapshot == "2026-11-28T020000Z")
            #expect(problems.first?.problem.contains("chain gap") == true, "\(problems)")
            #expect(problems.first?.problem.contains("chains to a snapshot that is not here") == true)
        }
    }

    @Test("two snapshots chaining to the same one are a fork, naming both")
    func fork() async throws {
        try await RunHarness.with { harness in
            let first = try #require(try await harness.run(clock: night(0)).snapshotPath)
            _ = try #require(try await harness.run(clock: night(1)).snapshotPath)
            // A second line from the first night: built beside, then moved in (as two runs at once did).
            let beside = harness.outputDirectory + "/beside"
            try FileManager.default.createDirectory(atPath: beside, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: first, toPath: beside + "/2026-11-29T020000Z")
            let branch = try #require(try await harness.run(clock: night(2), into: beside).snapshotPath)
            try FileManager.default.moveItem(atPath: branch, toPath: harness.outputDirectory + "/2026-12-01T020000Z")
            try FileManager.default.removeItem(atPath: beside)
            let problems = BagVerifier().verifyAll(directory: harness.outputDirectory).problems
            #expect(problems.count == 1, "\(problems)")
            let text = problems.first?.description ?? ""
            #expect(text.contains("chain fork"), "\(text)")
            #expect(text.contains("2026-11-30T020000Z") && text.contains("2026-12-01T020000Z"), "\(text)")
            #expect(text.contains("2026-11-29T020000Z"), "\(text)")
        }
    }

    @Test("the chain is walked in publication order, and output.keep removes the oldest of that order")
    func retentionFollowsTheChain() async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.keep = 3
            for number in [0, 1] { _ = try await harness.run(clock: night(number)) }
            _ = try await harness.run(clock: night(-1))  // published third, named first
            _ = try await harness.run(clock: night(2))
            // Four published; keep 3 removes the first published (night 0), not the first name (night -1).
            #expect(
                try harness.outputEntries() == ["2026-11-28T020000Z", "2026-11-30T020000Z", "2026-12-01T020000Z"])
            let verified = BagVerifier().verifyAll(directory: harness.outputDirectory)
            #expect(verified.problems.isEmpty, "\(verified.problems)")
        }
    }
}

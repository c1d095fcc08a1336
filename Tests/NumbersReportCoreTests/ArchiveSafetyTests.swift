import Foundation
import NumbersReportCore
import Testing

@Suite("archive safety: nothing outside the output directory is touched")
struct ArchiveSafetyTests {
    /// A directory outside the output directory with files in it, and a `tagmanifest-sha256.txt` so
    /// that it looks like a snapshot through a link.
    private func makeVictim() throws -> String {
        let victim = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: victim + "/nested", withIntermediateDirectories: true)
        for file in ["precious.txt", "nested/deeper.txt", "tagmanifest-sha256.txt", "bag-info.txt"] {
            try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim + "/" + file))
        }
        return victim
    }

    private func victimFiles(_ victim: String) -> [String] {
        ["precious.txt", "nested/deeper.txt", "tagmanifest-sha256.txt", "bag-info.txt"].filter {
            FileManager.default.fileExists(atPath: victim + "/" + $0)
        }
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    @Test("links named like a stale partial directory, or inside one, are removed as links, never followed")
    func stalePartialLinks() async throws {
        let victim = try makeVictim()
        defer { try? FileManager.default.removeItem(atPath: victim) }
        try await RunHarness.with { harness in
            let output = harness.outputDirectory
            // A dead process id (above any pid_max), and pid 1 (alive): with the lock held, both are stale.
            try FileManager.default.createSymbolicLink(
                atPath: output + "/.partial-999999999-x", withDestinationPath: victim)
            try FileManager.default.createSymbolicLink(atPath: output + "/.partial-1-x", withDestinationPath: victim)
            try FileManager.default.createDirectory(
                atPath: output + "/.partial-999999998-y/data", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: output + "/.partial-999999998-y/data/raw", withDestinationPath: victim)
            try FileManager.default.createSymbolicLink(
                atPath: output + "/.partial-999999998-y/file", withDestinationPath: victim + "/precious.txt")
            let outcome = try await harness.run()
            #expect(outcome.snapshotPath != nil)
            #expect(victimFiles(victim).count == 4, "the link's target was emptied: \(victimFiles(victim))")
            #expect(try harness.outputEntries() == ["2026-11-29T020000Z"])
        }
    }

    @Test("a link named like a snapshot is neither the previous snapshot nor removed through by output.keep")
    func snapshotNamedLink() async throws {
        let victim = try makeVictim()
        defer { try? FileManager.default.removeItem(atPath: victim) }
        try await RunHarness.with { harness in
            harness.configuration.output.keep = 1
            let output = harness.outputDirectory
            try FileManager.default.createSymbolicLink(
                atPath: output + "/2020-01-01T000000Z", withDestinationPath: victim)
            let first = try #require(try await harness.run().snapshotPath)
            let firstInfo = try String(contentsOfFile: first + "/bag-info.txt", encoding: .utf8)
            #expect(firstInfo.contains("Previous-Tagmanifest-SHA256: none\n"), "chained to the link: \(firstInfo)")
            let firstDigest = try #require(SnapshotArchive.tagmanifestSHA256(of: first))
            // A link named later than every snapshot: not the latest either.
            try FileManager.default.createSymbolicLink(
                atPath: output + "/2099-01-01T000000Z", withDestinationPath: victim)
            let second = try #require(
                try await harness.run(clock: Fixtures.clock.addingTimeInterval(86_400)).snapshotPath)
            let secondInfo = try String(contentsOfFile: second + "/bag-info.txt", encoding: .utf8)
            #expect(secondInfo.contains("Previous-Tagmanifest-SHA256: \(firstDigest)\n"))

            #expect(victimFiles(victim).count == 4, "output.keep removed through the link: \(victimFiles(victim))")
            #expect(isSymbolicLink(output + "/2020-01-01T000000Z"), "a link is not a snapshot to remove")
            #expect(
                try harness.outputEntries() == ["2020-01-01T000000Z", "2026-11-30T020000Z", "2099-01-01T000000Z"])
            #expect(SnapshotArchive(directory: output).snapshotNames() == ["2026-11-30T020000Z"])
            // verify --all names the links rather than follow them.
            let problems = BagVerifier().verifyAll(directory: output).problems
            #expect(Set(problems.map(\.snapshot)) == ["2020-01-01T000000Z", "2099-01-01T000000Z"], "\(problems)")
        }
    }
}

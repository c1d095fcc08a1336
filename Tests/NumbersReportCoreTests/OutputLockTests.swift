import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

@Suite("one run at a time per output directory")
struct OutputLockTests {
    /// Takes the output directory's lock as another run would: `flock` on `OUTPUT/.lock`, its pid inside.
    private func holdLock(_ directory: String) throws -> Int32 {
        let descriptor = open(directory + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let text = Array("\(getpid())\n".utf8)
        _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return descriptor
    }

    @Test("a run while the lock is held stops at once naming the directory and the holder; released, a run publishes")
    func heldLock() async throws {
        try await RunHarness.with { harness in
            let descriptor = try holdLock(harness.outputDirectory)
            let started = ContinuousClock.now
            do {
                let outcome = try await harness.run()
                Issue.record("the run went on beside the lock's holder: \(outcome.snapshotPath ?? "nothing published")")
            } catch {
                let message = "\(error)"
                #expect(message.contains(harness.outputDirectory), "\(message)")
                #expect(message.contains("in use by another run"), "\(message)")
                #expect(message.contains("pid \(getpid())"), "\(message)")
            }
            #expect(ContinuousClock.now - started < .seconds(5), "the run waited for the lock")
            #expect(harness.fake.statistics.pagesServed == 0, "the locked-out run fetched pages")
            #expect(try harness.outputEntries() == [".lock"])
            close(descriptor)  // released, as when the holder exits (its file stays behind)
            let outcome = try await harness.run()
            #expect(outcome.snapshotPath != nil)
            #expect(try harness.outputEntries() == ["2026-11-29T020000Z"], "the lock file is removed when the run ends")
        }
    }

    @Test("the run command locked out exits 3 (nothing fetched, nothing published) with the lock message")
    func heldLockExitCode() async throws {
        try await RunHarness.with { harness in
            let config = harness.outputDirectory + "-nightly.yaml"
            defer { try? FileManager.default.removeItem(atPath: config) }
            try harness.fake.writeDemoConfiguration(to: config)
            let output = harness.outputDirectory + "/reports"
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let descriptor = try holdLock(output)
            defer { close(descriptor) }
            let result = try await ToolProcess.run(
                ["run", "--config", config, "--output", output, "--now", "2026-11-29T02:00:00Z"],
                environment: ToolProcess.demoCredentials)
            #expect(result.status == 3, "\(result.standardError)")
            #expect(result.standardError.contains("\(output) is in use by another run (pid \(getpid())"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: output) == [".lock"])
        }
    }

    @Test("four runs at once into one directory leave one linear chain that verify --all accepts")
    func concurrentRuns() async throws {
        try await RunHarness.with(change: { $0.latency = .milliseconds(20) }) { harness in
            for round in 0..<2 {
                let runner = harness
                let results = await withTaskGroup(of: Result<String?, any Error>.self) { group in
                    for index in 0..<4 {
                        group.addTask {
                            do {
                                let clock = Fixtures.clock.addingTimeInterval(Double(round * 4 + index) * 86_400)
                                return .success(try await runner.run(clock: clock).snapshotPath)
                            } catch {
                                return .failure(error)
                            }
                        }
                    }
                    var results: [Result<String?, any Error>] = []
                    for await result in group { results.append(result) }
                    return results
                }
                var published = 0
                for result in results {
                    switch result {
                    case .success(let path): if path != nil { published += 1 }
                    case .failure(let error): #expect("\(error)".contains("in use by another run"), "\(error)")
                    }
                }
                #expect(published >= 1)
            }
            // One line: one first snapshot, and no snapshot is the predecessor of two.
            let names = SnapshotArchive(directory: harness.outputDirectory).snapshotNames()
            let links = try names.map { name in
                let info = try String(
                    contentsOfFile: harness.outputDirectory + "/" + name + "/bag-info.txt", encoding: .utf8)
                return try #require(info.split(separator: "\n").first { $0.hasPrefix("Previous-Tagmanifest-SHA256: ") })
            }
            #expect(links.filter { $0.hasSuffix(": none") }.count == 1, "\(links)")
            #expect(Set(links).count == links.count, "a fork: \(links)")
            let digests = names.compactMap { SnapshotArchive.tagmanifestSHA256(of: harness.outputDirectory + "/" + $0) }
            #expect(
                links.filter { !$0.hasSuffix(": none") }.allSatisfy { link in digests.contains { link.hasSuffix($0) } })
            let verified = BagVerifier().verifyAll(directory: harness.outputDirectory)
            #expect(verified.problems.isEmpty, "\(verified.problems)")
            #expect(verified.snapshots == names.count)
            #expect(try harness.outputEntries() == names, "no lock file or partial directory left")
        }
    }
}

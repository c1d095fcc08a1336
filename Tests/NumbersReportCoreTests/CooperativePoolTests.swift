import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// Blocking work (writing, compressing, syncing, reading the previous night, the mailer) never holds a
/// thread of Swift's cooperative pool: with the pool limited to one thread
/// (`LIBDISPATCH_COOPERATIVE_POOL_STRICT=1`), two nights of 20,000 numbers in three scopes read at
/// once still complete, and the second is compared with the first.
@Suite("the cooperative pool is never blocked")
struct CooperativePoolTests {
    @Test("two nights of 20,000 numbers complete with the pool limited to one thread")
    func strictPool() async throws {
        var configuration = FakeSinchAPIConfiguration()
        configuration.referenceTime = Fixtures.clock
        configuration.pageSizeCap = 1000
        for (index, numbers) in [8000, 7000, 5000].enumerated() { configuration.scopes[index].numbers = numbers }
        let fake = FakeSinchAPI(configuration: configuration)
        try await fake.start()
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            try fake.writeDemoConfiguration(to: directory + "/nightly.yaml") {
                $0.replacingOccurrences(of: "pageSize: 50", with: "pageSize: 1000")
                    .replacingOccurrences(of: "concurrency: 2", with: "concurrency: 3")
                    .replacingOccurrences(of: "directory: ./reports", with: "directory: \(directory)/reports")
            }
            let environment = ToolProcess.demoCredentials.merging(["LIBDISPATCH_COOPERATIVE_POOL_STRICT": "1"]) { $1 }
            for night in ["2026-11-28T02:00:00Z", "2026-11-29T02:00:00Z"] {
                let result = try await ToolProcess.run(
                    ["run", "--config", directory + "/nightly.yaml", "--now", night], environment: environment)
                #expect(result.status == 0, "\(result.standardError)")
            }
            let snapshots = try FileManager.default.contentsOfDirectory(atPath: directory + "/reports")
                .filter { !$0.hasPrefix(".") }.sorted()
            #expect(snapshots.count == 2)
            let last = SnapshotLocation(directory: directory + "/reports", name: try #require(snapshots.last))
            let summary = try JSONDecoder().decode(
                RunSummary.self, from: try Data(contentsOf: URL(fileURLWithPath: last.path(of: .summary))))
            #expect(summary.complete)
            // Every record served is a row (an undecodable one too) or a repeat kept once.
            // (The demo config lists the third scope's US numbers only.)
            let served = configuration.scopes.enumerated().reduce(0) { total, scope in
                total + fake.recordCount(for: scope.element, regionCode: scope.offset == 2 ? "US" : nil)
            }
            #expect(served > 15000)
            #expect(summary.scopes.reduce(0) { $0 + $1.rows + $1.duplicates } == served)
            let report = try String(contentsOfFile: last.path(of: .report), encoding: .utf8)
            #expect(report.contains("2026-11-28T020000Z"), "the second night is compared with the first")
        } catch {
            await fake.stop()
            throw error
        }
        await fake.stop()
    }
}

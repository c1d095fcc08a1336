import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// A scope that was not read to the end tonight says nothing about its numbers: they are "not fetched tonight",
/// never "removed" — in the report and in `diff`.
@Suite("partial nights: numbers of unfetched scopes are not removed")
struct PartialNightChangesTests {
    @Test("a scope refused tonight (403): its numbers are 'not fetched tonight' in the report and in diff")
    func refusedScope() async throws {
        try await RunHarness.with { harness in
            harness.configuration.api.concurrency = 1  // the first list request is scope 0's
            let first = try #require(
                try await harness.run(clock: Fixtures.clock.addingTimeInterval(-86_400)).snapshotPath)
            harness.fake.injectFaults([.serverError(status: 403)])
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .partial)
            #expect(outcome.scopes.map(\.isComplete) == [false, true, true])
            let second = try #require(outcome.snapshotPath)
            let unread = harness.fake.configuration.scopes[0].numbers

            let changes = try SnapshotDiff(oldSnapshot: first, newSnapshot: second).allChanges()
            #expect(changes.filter { $0.kind == .removed }.isEmpty)
            #expect(changes.filter { $0.kind == .notFetched }.count == unread)

            let report = try String(contentsOfFile: second + "/data/report.xhtml", encoding: .utf8)
            #expect(report.contains("not fetched tonight"))
            #expect(!report.contains("id=\"change-removed\""), "no number of the unfetched scope is counted as removed")

            let tool = try await ToolProcess.run(["diff", first, second])
            #expect(tool.status == 0, "\(tool.standardError)")
            let counts = try #require(tool.standardOutput.split(separator: "\n").last)
            #expect(counts.hasSuffix("\(unread) not fetched tonight") && !counts.contains("removed"), "\(counts)")
        }
    }

    @Test("a complete night: numbers missing from a scope read to the end are removed")
    func removedWhenComplete() async throws {
        var scopes = FakeScope.demo
        try await RunHarness.with(scopes: scopes) { harness in
            let first = try #require(
                try await harness.run(clock: Fixtures.clock.addingTimeInterval(-86_400)).snapshotPath)
            scopes[0].numbers -= 5
            try await RunHarness.with(scopes: scopes) { smaller in
                let outcome = try await smaller.run(into: harness.outputDirectory)
                let second = try #require(outcome.snapshotPath)
                let changes = try SnapshotDiff(oldSnapshot: first, newSnapshot: second).allChanges()
                #expect(changes.filter { $0.kind == .removed }.count == 5)
                #expect(changes.filter { $0.kind == .notFetched }.isEmpty)
            }
        }
    }
}

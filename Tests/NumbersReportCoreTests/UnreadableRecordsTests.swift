import Foundation
import NumbersReportCore
import SinchImportedNumbers
import Testing

/// A night whose records cannot be read is not a complete night: the scope fails, `--fail-on` and the
/// metrics see the unreadable records, and the last success time is not moved.
@Suite("unreadable records are never a complete night")
struct UnreadableRecordsTests {
    /// One scope read from `bodies` through the assembler, published; the outcome as the run would give it.
    private func publish(_ bodies: [String]) throws -> (RunOutcome, String) {
        let directory = try Fixtures.temporaryDirectory()
        var configuration = ReportConfiguration(scopes: [Fixtures.scope])
        configuration.output.directory = directory
        let assembler = try SnapshotAssembler(
            configuration: configuration, clock: Fixtures.clock, template: .builtIn, runID: "test-run")
        let part = try assembler.partFactory.makePart(scopeIndex: 0)
        for (index, text) in bodies.enumerated() {
            let body = Array(text.utf8)
            try part.add(
                ImportedNumbersPage(
                    query: Fixtures.scope.query(pageSize: 10), number: index + 1, pageToken: nil,
                    requestTarget: "/v1/…", fetchedAt: Fixtures.clock, body: body,
                    response: try ListImportedNumbersResponse.decode(from: body)))
        }
        assembler.absorb(try part.finish(), scopeIndex: 0)
        var outcome = RunOutcome(snapshotPath: nil, scopes: assembler.results, requests: bodies.count, retries: 0)
        outcome.snapshotPath = try assembler.publish(requests: bodies.count, retries: 0)
        return (outcome, directory)
    }

    static let unreadable =
        #"{"importedNumbers":[{"phoneNumber":"+12065550100","smsConfiguration":{"migrateToSinchTmo":"yes"}},{"phoneNumber":"+12065550101","smsConfiguration":{"servicePlanId":123}}],"totalSize":2}"#

    @Test("every record unreadable: the scope failed (exit 2), Run-Complete false, --fail-on and metrics see them")
    func everyRecordUnreadable() throws {
        let (outcome, directory) = try publish([Self.unreadable])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try #require(outcome.scopes.first)
        #expect(result.error?.kind == "unreadableRecords")
        #expect(result.failure?.hasPrefix("none of the 2 records received could be read (the first: ") == true)
        #expect(outcome.exitCode == .partial)
        let bagInfo = try String(contentsOfFile: try #require(outcome.snapshotPath) + "/bag-info.txt", encoding: .utf8)
        #expect(bagInfo.contains("Run-Complete: false"))
        #expect(outcome.meetsFailOn(.failed))

        let previous = "numbers_report_last_success_timestamp_seconds 1700000000\n"
        let metrics = RunMetrics(
            startedAt: Fixtures.clock, finishedAt: Fixtures.clock.addingTimeInterval(5),
            exitStatus: outcome.exitCode, outcome: outcome
        ).text(previous: previous)
        #expect(metrics.contains("numbers_report_last_success_timestamp_seconds 1700000000"))
        #expect(metrics.contains(#"numbers_report_records_unreadable{scope="Retail alerts",scope_index="1"} 2"#))
        #expect(metrics.contains(#"numbers_report_scope_complete{scope="Retail alerts",scope_index="1"} 0"#))
        #expect(metrics.contains(#"numbers_report_last_run_failures{kind="unreadableRecords"} 1"#))
    }

    @Test("some records unreadable: the scope is complete, but --fail-on matches at any level")
    func someRecordsUnreadable() throws {
        let readable = #"{"importedNumbers":[{"phoneNumber":"+12065550102"}],"totalSize":1}"#
        let (outcome, directory) = try publish([Self.unreadable, readable])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(outcome.exitCode == .complete)
        #expect(outcome.unreadableRecords == 2)
        #expect(outcome.meetsFailOn(.failed))
    }

    @Test("no unreadable record: --fail-on compares levels only")
    func noUnreadableRecord() throws {
        let (outcome, directory) = try publish([#"{"importedNumbers":[{"phoneNumber":"+12065550102"}],"totalSize":1}"#])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(outcome.exitCode == .complete)
        #expect(outcome.unreadableRecords == 0)
        let worst = try #require(outcome.levelCounts.filter { $0.value > 0 }.keys.max())
        #expect(outcome.meetsFailOn(worst))
        if let above = HealthLevel(rawValue: worst.rawValue + 1) { #expect(!outcome.meetsFailOn(above)) }
    }
}

import FakeSinchAPI
import Foundation
import NumbersReportCore
import SinchImportedNumbers
import Testing

/// A record that does not decode is a row (`REVIEW`, `record_error`), never a gap: rows out = records served.
@Suite("nothing vanishes: undecodable records are rows")
struct NothingVanishesTests {
    @Test("1% undecodable records over HTTP: rows out = records served, REVIEW rows named, --fail-on REVIEW exits 4")
    func onePercentUndecodable() async throws {
        try await ToolSetup.with(
            change: { configuration in
                configuration.undecodableEvery = 100
                for index in configuration.scopes.indices { configuration.scopes[index].numbers = 1000 }
            },
            editConfig: { $0.replacingOccurrences(of: "pageSize: 50", with: "pageSize: 250") }
        ) { setup in
            let result = try await setup.run([
                "run", "--config", setup.config, "--output", setup.output, "--now", "2026-11-29T02:00:00Z",
                "--fail-on", "REVIEW",
            ])
            let served = setup.fake.statistics.recordsServed
            #expect(result.status == 4, "\(result.standardError)")
            #expect(served > 2500)
            let snapshot = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            let records = try await csvRecords(snapshot + "/data/numbers.csv")
            let header = records[0]
            let rows = records.dropFirst()
            #expect(rows.count == served)  // rows out = records served (one scope lists only US numbers)
            let error = try #require(header.firstIndex(of: "record_error"))
            let health = try #require(header.firstIndex(of: "health"))
            let ready = try #require(header.firstIndex(of: "sms_ready"))
            let phone = try #require(header.firstIndex(of: "phone_number"))
            let undecodable = rows.filter { !$0[error].isEmpty }
            #expect(undecodable.count >= served / 100 - 3 && undecodable.count <= served / 100 + 3)
            #expect(undecodable.allSatisfy { $0[health] == "REVIEW" && $0[ready] == "false" })
            #expect(undecodable.allSatisfy { $0[phone].hasPrefix("+1") })  // the phone number could be read
            let reasons = Set(undecodable.map { $0[error] })
            #expect(reasons.contains { $0.contains("migrateToSinchTmo") })
            #expect(reasons.contains { $0.contains("servicePlanId") })
            // A lone surrogate in displayName: said as invalid JSON text at a byte of the page.
            #expect(reasons.contains { $0.hasPrefix("invalid JSON text (") && $0.hasSuffix(" of the page") })
            let summary = try JSONDecoder().decode(
                RunSummary.self,
                from: try Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/summary.json")))
            #expect(summary.scopes.reduce(0) { $0 + $1.rows } == served)
            #expect(summary.scopes.reduce(0) { $0 + $1.rejectedRecords } == undecodable.count)
        }
    }

    @Test("an undecodable record keeps its place among the page's rows")
    func apiOrder() throws {
        let body = Array(
            #"{"importedNumbers":[{"phoneNumber":"+12065550100"},{"phoneNumber":"+12065550101","smsConfiguration":{"migrateToSinchTmo":"true"}},{"phoneNumber":"+12065550102"}],"totalSize":3}"#
                .utf8)
        let page = ImportedNumbersPage(
            query: Fixtures.scope.query(pageSize: 10), number: 1, pageToken: nil, requestTarget: "/v1/…",
            fetchedAt: Fixtures.clock, body: body, response: try ListImportedNumbersResponse.decode(from: body))
        let rows = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72)).rows(
            of: page, scope: Fixtures.scope)
        #expect(rows.map(\.number.phoneNumber) == ["+12065550100", "+12065550101", "+12065550102"])
        #expect(rows[1].verdict.level == .review)
        #expect(rows[1].verdict.smsReady == false)
        #expect(rows[1].verdict.reasons.map(\.code) == ["undecodable_record"])
        #expect(rows[1].recordError?.contains("migrateToSinchTmo") == true)
    }
}

import FakeSinchAPI
import Foundation
import NumbersReportCore
import SinchImportedNumbers
import Testing

@Suite("the nightly run over HTTP against the fake API")
struct RunIntegrationTests {
    private func ndjsonObjects(_ path: String) async throws -> [[String: Any]] {
        #expect(try await runTool(["gzip", "-t", path]).status == 0)
        let text = String(decoding: try await runTool(["gzip", "-dc", path]).output, as: UTF8.self)
        return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test("one row per number served, in API order, in both CSV and NDJSON.gz")
    func rowsMatchTheAPI() async throws {
        try await RunHarness.with { harness in
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .complete)
            let snapshot = try #require(outcome.snapshotPath)
            #expect(snapshot == harness.outputDirectory + "/2026-11-29T020000Z")

            let expectedNumbers = FakeScope.demo.flatMap { harness.fake.phoneNumbers(for: $0) }
            let csvBytes = try Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/numbers.csv"))
            #expect(Array(csvBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let records = try await csvRecords(snapshot + "/data/numbers.csv")
            #expect(records.first == NumberRow.columnNames)
            #expect(records.dropFirst().map { $0[0] } == expectedNumbers)
            #expect(records.allSatisfy { $0.count == 57 })

            let objects = try await ndjsonObjects(snapshot + "/data/numbers.ndjson.gz")
            #expect(objects.count == expectedNumbers.count)
            #expect(objects.map { $0["phone_number"] as? String } == expectedNumbers)
            #expect(Set(objects.map { $0.count }) == [57])
            #expect(outcome.scopes.map(\.rows) == FakeScope.demo.map(\.numbers))
            #expect(outcome.scopes.allSatisfy { $0.totalSize == $0.rows })
            // Health counts of the outcome agree with the CSV.
            for level in HealthLevel.allCases {
                #expect(records.dropFirst().filter { $0[1] == level.name }.count == (outcome.levelCounts[level] ?? 0))
            }
            #expect(try harness.outputEntries() == ["2026-11-29T020000Z"])
        }
    }

    @Test("pages across a server cap far below pageSize: every number once, in order")
    func serverCap() async throws {
        let scope = FakeScope(projectId: "p-cap", servicePlanId: "sp-cap", campaignId: "CCAP", numbers: 100)
        try await RunHarness.with(scopes: [scope], pageSizeCap: 7, pageSize: 50) { harness in
            let outcome = try await harness.run()
            #expect(outcome.scopes[0].pages == 15)
            #expect(outcome.scopes[0].rows == 100)
            let records = try await csvRecords(outcome.snapshotPath! + "/data/numbers.csv")
            #expect(records.dropFirst().map { $0[0] } == harness.fake.phoneNumbers(for: scope))
        }
    }

    @Test("the same pages and clock give byte-identical CSV and NDJSON.gz")
    func deterministic() async throws {
        try await RunHarness.with { harness in
            let first = try await harness.run(into: harness.outputDirectory + "/a")
            let second = try await harness.run(into: harness.outputDirectory + "/b")
            for file in ["numbers.csv", "numbers.ndjson.gz"] {
                let one = try Data(contentsOf: URL(fileURLWithPath: first.snapshotPath! + "/data/" + file))
                let two = try Data(contentsOf: URL(fileURLWithPath: second.snapshotPath! + "/data/" + file))
                #expect(one == two, "\(file)")
                #expect(one.count > 1000)
            }
        }
    }

    @Test("two runs in the same second publish two snapshots; neither is overwritten")
    func distinctNames() async throws {
        try await RunHarness.with { harness in
            let first = try await harness.run()
            let csv = try Data(contentsOf: URL(fileURLWithPath: first.snapshotPath! + "/data/numbers.csv"))
            let second = try await harness.run()
            #expect(first.snapshotPath != second.snapshotPath)
            #expect(second.snapshotPath!.hasSuffix("2026-11-29T020000Z-2"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: first.snapshotPath! + "/data/numbers.csv")) == csv)
        }
    }

    @Test("refused credentials: nothing published, nothing left behind, a clear message")
    func wrongCredentials() async throws {
        try await RunHarness.with { harness in
            harness.credentials = Credentials(keyID: "demo-key-id", keySecret: "wrong-secret-value")
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .nothingFetched)
            #expect(outcome.snapshotPath == nil)
            #expect(try harness.outputEntries().isEmpty)
            let failure = try #require(outcome.scopes.first?.failure)
            #expect(failure.contains("credentials were refused by the token endpoint"))
            #expect(!failure.contains("wrong-secret-value"))
            #expect(harness.fake.statistics.tokenRequests == 1, "later scopes do not retry refused credentials")
        }
    }

    @Test("refused credentials with HTTP Basic as well")
    func wrongBasicCredentials() async throws {
        try await RunHarness.with { harness in
            harness.configuration.api.auth = .basic
            #expect(try await harness.run().exitCode == .complete)
            harness.credentials = Credentials(keyID: "nobody", keySecret: "nothing")
            let outcome = try await harness.run(into: harness.outputDirectory + "/refused")
            #expect(outcome.exitCode == .nothingFetched)
            #expect(outcome.scopes[0].failure?.contains("refused by the Imported Numbers API") == true)
        }
    }

    @Test("an unknown scope fails alone: the others are published, the run is partial")
    func partial() async throws {
        try await RunHarness.with { harness in
            harness.configuration.scopes.insert(
                ScopeSettings(projectId: FakeScope.demoProjectId, servicePlanId: "nope", campaignId: "NOPE"), at: 1)
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .partial)
            #expect(outcome.scopes.map(\.isComplete) == [true, false, true, true])
            #expect(outcome.scopes[1].failure?.contains("HTTP 404") == true)
            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: outcome.snapshotPath! + "/data/summary.json")))
                as! [String: Any]
            #expect(summary["complete"] as? Bool == false)
            let records = try await csvRecords(outcome.snapshotPath! + "/data/numbers.csv")
            #expect(records.count - 1 == FakeScope.demo.map(\.numbers).reduce(0, +))
        }
    }

    @Test("an unreachable host: nothing fetched, nothing published")
    func unreachable() async throws {
        var harness = try await RunHarness.start()
        let port = harness.fake.port
        await harness.fake.stop()
        defer { try? FileManager.default.removeItem(atPath: harness.outputDirectory) }
        harness.configuration.api.baseURL = "http://127.0.0.1:\(port)"
        harness.configuration.api.tokenURL = "http://127.0.0.1:\(port)/oauth2/token"
        harness.configuration.api.maxAttempts = 1
        harness.configuration.api.requestTimeoutSeconds = 2
        let outcome = try await harness.run()
        #expect(outcome.exitCode == .nothingFetched)
        #expect(try harness.outputEntries().isEmpty)
    }
}

@Suite("scopes fetched at once")
struct ConcurrencyTests {
    @Test("api.concurrency changes no byte of the rows or the report, also when later scopes finish first")
    func sameBytes() async throws {
        // The first scopes are the largest: at once, the later ones finish first.
        let scopes = (1...6).map {
            FakeScope(projectId: "p", servicePlanId: "plan-\($0)", campaignId: "CAMP\($0)", numbers: 37 * (7 - $0))
        }
        try await RunHarness.with(scopes: scopes, pageSizeCap: 20) { harness in
            var files: [Int: [Data]] = [:]
            for concurrency in [1, 3, 6] {
                harness.configuration.api.concurrency = concurrency
                let snapshot = try #require(
                    try await harness.run(into: harness.outputDirectory + "/c\(concurrency)").snapshotPath)
                files[concurrency] = try ["numbers.csv", "numbers.ndjson.gz", "report.xhtml"].map {
                    try Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/" + $0))
                }
                #expect(BagVerifier().verify(snapshot: snapshot).isEmpty)
            }
            #expect(files[1] == files[3])
            #expect(files[1] == files[6])
        }
    }
}

import FakeSinchAPI
import Foundation
import Logging
import NumbersReportCore
import SinchImportedNumbers
import Testing

@Suite("resilience: faults, partial failure, secrets")
struct ResilienceTests {
    @Test("several fault kinds at once: the run completes with exactly the rows of a fault-free run")
    func manyFaults() async throws {
        let reference = try await RunHarness.with(pageSizeCap: 10) { harness in
            try Data(contentsOf: URL(fileURLWithPath: try await harness.run().snapshotPath! + "/data/numbers.csv"))
        }
        try await RunHarness.with(
            pageSizeCap: 10,
            change: {
                $0.recurringFaults = [
                    .tooManyRequests(retryAfter: nil), .serverError(status: 503), .connectionReset,
                    .tooManyRequests(retryAfter: "1"), .truncatedJSON, .wrappedServerError(status: 502),
                    .stall(.seconds(3)), .invalidJSON, .expireTokens, .serverError(status: 504),
                ]
                $0.faultEvery = 2
            }
        ) { harness in
            harness.configuration.api.maxAttempts = 4
            harness.configuration.api.requestTimeoutSeconds = 1
            // One scope at a time: with two, their requests can alternate so that every attempt of one
            // scope lands on a faulted (even-numbered) request and the scope fails however many attempts.
            harness.configuration.api.concurrency = 1
            harness.fake.injectFaults([.tooManyRequests(retryAfter: nil), .serverError(status: 500)], on: .token)
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .complete, "\(outcome.scopes.compactMap(\.failure))")
            let csv = try Data(
                contentsOf: URL(fileURLWithPath: try #require(outcome.snapshotPath) + "/data/numbers.csv"))
            #expect(csv == reference)
            #expect(outcome.retries >= 20, "retries: \(outcome.retries)")
            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: outcome.snapshotPath! + "/data/summary.json")))
                as! [String: Any]
            #expect((summary["totals"] as! [String: Any])["retries"] as? Int == outcome.retries)
            #expect(harness.fake.statistics.tokenRequests >= 4)  // 2 refused, 1 first token, 1 after expiry
        }
    }

    @Test("a token loop in one scope and an unknown scope in another: partial, and the banner names both")
    func loopAndUnknownScope() async throws {
        try await RunHarness.with { harness in
            harness.configuration.scopes.append(
                .init(
                    projectId: FakeScope.demoProjectId, servicePlanId: "nope", campaignId: "NOPE", label: "Ghost scope")
            )
            harness.configuration.api.concurrency = 1  // so that the first page-token request is scope 0's
            harness.fake.injectFaults([.repeatPageToken])  // the first page-token request: scope 0, page 2
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .partial)
            #expect(outcome.scopes.map(\.isComplete) == [false, true, true, false])
            #expect(outcome.scopes[0].error?.kind == "pageTokenRepeated")
            #expect(outcome.scopes[3].error?.status == 404)
            let snapshot = try #require(outcome.snapshotPath)
            #expect(
                try String(contentsOfFile: snapshot + "/bag-info.txt", encoding: .utf8).contains("Run-Complete: false"))
            let report = try await OutsideTools.python("check_report.py", [snapshot + "/data/report.xhtml"])
            let text = report["text"] as? String ?? ""
            #expect(text.contains("Incomplete run: 2 of 4 scopes"))
            #expect(text.contains("Scope 0 (campaign C3O84GA, 2 pages read): the server sent page token"))
            #expect(text.contains("Ghost scope (campaign NOPE, 0 pages read): HTTP 404"))
            // The other scopes' rows are all there; the looping scope keeps the two pages it read.
            #expect(outcome.scopes[1].rows == 75 && outcome.scopes[2].rows == 40 && outcome.scopes[0].rows == 100)
        }
    }

    @Test("repeated records are kept once and counted; a wrong totalSize is flagged")
    func duplicates() async throws {
        try await RunHarness.with(pageSizeCap: 30) { harness in
            harness.configuration.api.concurrency = 1  // so that the faults meet scope 0
            harness.fake.injectFaults([.oversizedPage])  // 60 records on page 1; page 2 starts at 60: no repeats
            var outcome = try await harness.run()
            #expect(outcome.scopes[0].rows == 120 && outcome.scopes[0].duplicates == 0)
            harness.fake.injectFaults([.overlappingPage])  // page 2 starts 5 records early
            outcome = try await harness.run(into: harness.outputDirectory + "/b")
            #expect(outcome.scopes[0].isComplete)
            #expect(outcome.scopes[0].rows == 120 && outcome.scopes[0].duplicates == 5)
            #expect(outcome.scopes[0].totalSizeDiffers)
            let snapshot = try #require(outcome.snapshotPath)
            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/summary.json"))) as! [String: Any]
            let scope = (summary["scopes"] as! [[String: Any]])[0]
            #expect(scope["duplicates"] as? Int == 5 && scope["totalSizeMismatch"] as? Bool == true)
            let report = try await OutsideTools.python("check_report.py", [snapshot + "/data/report.xhtml"])
            #expect((report["text"] as? String)?.contains("5 repeated records kept once") == true)
        }
    }

    @Test("maxPagesPerScope stops a scope that goes on and on")
    func maxPages() async throws {
        try await RunHarness.with(pageSizeCap: 10) { harness in
            harness.configuration.api.maxPagesPerScope = 5
            let outcome = try await harness.run()
            #expect(outcome.scopes[0].pages == 5)
            #expect(outcome.scopes[0].error?.kind == "tooManyPages")
            #expect(outcome.scopes[2].isComplete)  // 40 numbers: 4 pages
            #expect(outcome.exitCode == .partial)
        }
    }

    @Test("an output directory that cannot be created: a clear error before any request, nothing in view")
    func unwritableOutput() async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.directory = "/dev/null/reports"
            await #expect {
                _ = try await harness.run()
            } throws: { error in
                "\(error)".contains("cannot create directory /dev/null") && "\(error)".contains("Not a directory")
            }
            #expect(harness.fake.statistics.listRequests == 0)
        }
    }

    @Test("the key secret and the tokens appear in no log line, error, report, summary, bag-info or raw page")
    func secrets() async throws {
        let secret = "S3cr3t-Value-\(UUID().uuidString)"
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.keySecret = secret
        fakeConfiguration.referenceTime = Fixtures.clock
        fakeConfiguration.recurringFaults = [.serverError(status: 503), .expireTokens]
        fakeConfiguration.faultEvery = 3
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        defer { Task { await fake.stop() } }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = directory + "/nightly.yaml"
        try fake.writeDemoConfiguration(to: config) { $0 + "  sourceOrganization: Example\n" }
        var captured = Data()
        for (keyID, auth) in [("demo-key-id", "oauth2"), ("demo-key-id", "basic"), ("wrong-id", "oauth2")] {
            let configured = try String(contentsOfFile: config, encoding: .utf8)
                .replacingOccurrences(of: "auth: oauth2", with: "auth: \(auth)")
            try configured.write(toFile: directory + "/\(auth).yaml", atomically: true, encoding: .utf8)
            let result = try await ToolProcess.run(
                [
                    "run", "--config", directory + "/\(auth).yaml", "--output", directory + "/out", "--log-level",
                    "trace",
                ],
                environment: ["SINCH_KEY_ID": keyID, "SINCH_KEY_SECRET": secret])
            captured += Data((result.standardOutput + result.standardError).utf8)
        }
        let log = String(decoding: captured, as: UTF8.self)
        #expect(log.contains("scope complete") && log.contains("credentials were refused"))
        // Everything written: logs, and every file of every snapshot, decompressed.
        var haystack = log
        let enumerator = FileManager.default.enumerator(atPath: directory + "/out")!
        var files = 0
        while let item = enumerator.nextObject() as? String {
            let path = directory + "/out/" + item
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            files += 1
            let data =
                item.hasSuffix(".gz")
                ? try await runTool(["gzip", "-dc", path]).output : try Data(contentsOf: URL(fileURLWithPath: path))
            haystack += String(decoding: data, as: UTF8.self)
            if item.hasSuffix("report.eml") {
                // The email's parts are base64: decode them too.
                haystack += String(describing: try await OutsideTools.python("check_email.py", [path]))
            }
        }
        #expect(files >= 26)
        let basic = Data("demo-key-id:\(secret)".utf8).base64EncodedString()
        let tokens = fake.issuedTokens
        #expect(tokens.count >= 2)
        for needle in [secret, basic] + tokens {
            #expect(!haystack.contains(needle), "leaked: \(needle.prefix(12))…")
        }
    }

    @Test("a record that cannot be decoded is reported as rejected, with its reason, and is a REVIEW row in its place")
    func rejectedRecord() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = ReportConfiguration(scopes: [Fixtures.scope])
        configuration.output.directory = directory
        let assembler = try SnapshotAssembler(
            configuration: configuration, clock: Fixtures.clock, template: .builtIn, runID: "test-run")
        let body = Array(
            #"{"importedNumbers":[{"phoneNumber":"+12065550100"},{"phoneNumber":"+12065550101","smsConfiguration":{"migrateToSinchTmo":"yes"}},{"phoneNumber":"+12065550102"}],"totalSize":3}"#
                .utf8)
        let page = ImportedNumbersPage(
            query: Fixtures.scope.query(pageSize: 10), number: 1, pageToken: nil, requestTarget: "/v1/…",
            fetchedAt: Fixtures.clock, body: body,
            response: try JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(body)))
        let part = try assembler.partFactory.makePart(scopeIndex: 0)
        try part.add(page)
        assembler.absorb(try part.finish(), scopeIndex: 0)
        let snapshot = try assembler.publish(requests: 1, retries: 0)
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/summary.json"))) as! [String: Any]
        let scope = (summary["scopes"] as! [[String: Any]])[0]
        #expect(scope["rows"] as? Int == 3)  // nothing vanishes: the undecodable record is a row
        #expect(scope["rejectedRecords"] as? Int == 1)
        let records = try await csvRecords(snapshot + "/data/numbers.csv")
        #expect(records.dropFirst().map { $0[0] } == ["+12065550100", "+12065550101", "+12065550102"])
        #expect(records[2][1] == "REVIEW")
        #expect(records[2][2] == "false")
        let rejected = (scope["rejected"] as? [[String: Any]])?.first
        #expect(rejected?["phoneNumber"] as? String == "+12065550101")
        #expect(
            (rejected?["reason"] as? String)?.hasPrefix(
                "importedNumbers[1].smsConfiguration.migrateToSinchTmo: Expected to decode Bool") == true,
            "\(rejected?["reason"] ?? "")")
        #expect(scope["totalSizeMismatch"] == nil, "3 rows, one of them undecodable = totalSize 3")
    }
}

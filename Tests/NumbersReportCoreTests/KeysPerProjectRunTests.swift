import FakeSinchAPI
import Foundation
import Logging
import NumbersReportCore
import SinchImportedNumbers
import Testing

/// Issue 13: a key per project, through the executable against the fake API over HTTP. Sinch keys belong to
/// one project: a refused key fails its own scopes only; the other project's rows are published (exit 2).
@Suite("run and check with an access key per project")
struct KeysPerProjectRunTests {
    static let retail = FakeScope(projectId: "p-retail", servicePlanId: "sp-retail", campaignId: "CRETAIL", numbers: 60)
    static let retailTwo = FakeScope(
        projectId: "p-retail", servicePlanId: "sp-retail-2", campaignId: "CRETAIL2", numbers: 20)
    static let fraud = FakeScope(projectId: "p-fraud", servicePlanId: "sp-fraud", campaignId: "CFRAUD", numbers: 40)
    static let fraudTwo = FakeScope(
        projectId: "p-fraud", servicePlanId: "sp-fraud-2", campaignId: "CFRAUD2", numbers: 10)

    /// A fake with a key per project, a config whose retail scopes read their key from files (relative, so from
    /// `$CREDENTIALS_DIRECTORY`) and whose fraud scopes from variables, and the files in `credentials/`.
    struct Setup {
        let fake: FakeSinchAPI
        let directory: String
        var config: String { directory + "/nightly.yaml" }
        var output: String { directory + "/reports" }
        var credentials: String { directory + "/credentials" }

        /// Only the variables a scope names: api's SINCH_KEY_ID / SINCH_KEY_SECRET are not set at all.
        func environment(fraudSecret: String) -> [String: String] {
            ["CREDENTIALS_DIRECTORY": credentials, "FRAUD_KEY_ID": "fraud-id", "FRAUD_KEY_SECRET": fraudSecret]
        }

        static func with<Result>(concurrency: Int = 1, _ body: (Setup) async throws -> Result) async throws -> Result {
            var configuration = FakeSinchAPIConfiguration()
            configuration.referenceTime = Fixtures.clock
            configuration.scopes = [retail, fraud, retailTwo, fraudTwo]
            configuration.pageSizeCap = 15
            configuration.projectKeys = [
                "p-retail": FakeAccessKey(keyID: "retail-id", keySecret: "retail-secret"),
                "p-fraud": FakeAccessKey(keyID: "fraud-id", keySecret: "fraud-secret"),
            ]
            let fake = FakeSinchAPI(configuration: configuration)
            try await fake.start()
            let setup = Setup(fake: fake, directory: try Fixtures.temporaryDirectory())
            defer { try? FileManager.default.removeItem(atPath: setup.directory) }
            do {
                try FileManager.default.createDirectory(atPath: setup.credentials, withIntermediateDirectories: true)
                try "retail-id\n".write(toFile: setup.credentials + "/retail.id", atomically: true, encoding: .utf8)
                try "retail-secret\n".write(
                    toFile: setup.credentials + "/retail.secret", atomically: true, encoding: .utf8)
                func scope(_ scope: FakeScope, _ label: String, _ key: String) -> String {
                    """
                      - projectId: \(scope.projectId)
                        servicePlanId: \(scope.servicePlanId)
                        campaignId: \(scope.campaignId)
                        label: \(label)
                    \(key)
                    """
                }
                let files = "    keyIdFile: retail.id\n    keySecretFile: retail.secret"
                let variables = "    keyIdEnv: FRAUD_KEY_ID\n    keySecretEnv: FRAUD_KEY_SECRET"
                try """
                api:
                  baseURL: \(fake.baseURL)
                  tokenURL: \(fake.tokenURL)
                  pageSize: 50
                  maxAttempts: 2
                  concurrency: \(concurrency)
                scopes:
                \(scope(retail, "Retail alerts", files))
                \(scope(fraud, "Fraud alerts", variables))
                \(scope(retailTwo, "Retail pickups", files))
                \(scope(fraudTwo, "Fraud callbacks", variables))
                output:
                  directory: \(setup.output)

                """.write(toFile: setup.config, atomically: true, encoding: .utf8)
                let result = try await body(setup)
                await fake.stop()
                return result
            } catch {
                await fake.stop()
                throw error
            }
        }
    }

    static func summary(_ snapshot: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/summary.json")))
            as! [String: Any]
    }

    @Test("both keys right: every scope fetched, one token per key")
    func bothKeys() async throws {
        try await Setup.with(concurrency: 4) { setup in
            let result = try await ToolProcess.run(
                ["run", "--config", setup.config, "--now", "2026-11-29T02:00:00Z"],
                environment: setup.environment(fraudSecret: "fraud-secret"))
            #expect(result.status == 0, "\(result.standardError)")
            let snapshot = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            let records = try await csvRecords(snapshot + "/data/numbers.csv")
            #expect(records.count - 1 == 130)
            #expect(setup.fake.statistics.tokensIssued == 2, "one token per key, shared by its scopes")
        }
    }

    @Test("one key wrong: exit 2, the other project's rows published, the refusal logged once for the key")
    func oneKeyWrong() async throws {
        try await Setup.with { setup in
            let result = try await ToolProcess.run(
                ["run", "--config", setup.config, "--now", "2026-11-29T02:00:00Z"],
                environment: setup.environment(fraudSecret: "wrong-fraud-secret"))
            #expect(result.status == 2, "\(result.standardError)")
            let snapshot = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            let records = try await csvRecords(snapshot + "/data/numbers.csv")
            let phone = try #require(records.first?.firstIndex(of: "phone_number"))
            let published = records.dropFirst().map { $0[phone] }
            #expect(published.count == 80)
            #expect(
                published
                    == setup.fake.phoneNumbers(for: Self.retail) + setup.fake.phoneNumbers(for: Self.retailTwo))
            let summary = try Self.summary(snapshot)
            #expect(summary["complete"] as? Bool == false)
            let scopes = try #require(summary["scopes"] as? [[String: Any]])
            #expect(scopes.map { $0["complete"] as? Bool } == [true, false, true, false])
            #expect(scopes.map { $0["rows"] as? Int } == [60, 0, 20, 0])
            #expect((scopes[3]["error"] as? String)?.contains("credentials were refused") == true)

            let log = result.standardError
            #expect(log.components(separatedBy: "access key refused").count - 1 == 1, "\(log)")
            #expect(log.contains("scopes[1] (FRAUD_KEY_ID / FRAUD_KEY_SECRET)"), "\(log)")
            #expect(!log.contains("wrong-fraud-secret") && !log.contains("retail-secret"))
            // The wrong key was tried once; the fraud scope after it was not tried with it again.
            #expect(setup.fake.statistics.tokenRequests == 2)
            #expect(BagVerifier().verify(snapshot: snapshot).isEmpty)
        }
    }

    @Test("check uses each scope's key: the refused key's scopes say so, the others answer")
    func checkPerKey() async throws {
        try await Setup.with { setup in
            let good = try await ToolProcess.run(
                ["check", "--config", setup.config], environment: setup.environment(fraudSecret: "fraud-secret"))
            #expect(good.status == 0, "\(good.standardOutput)\(good.standardError)")
            let result = try await ToolProcess.run(
                ["check", "--config", setup.config], environment: setup.environment(fraudSecret: "wrong-fraud-secret"))
            #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            for prefix in ["1. Retail alerts ", "3. Retail pickups "] {
                #expect(lines.first { $0.hasPrefix(prefix) }?.contains(" yes ") == true, "\(lines)")
            }
            for prefix in ["2. Fraud alerts ", "4. Fraud callbacks "] {
                #expect(lines.first { $0.hasPrefix(prefix) }?.contains(" NO ") == true, "\(lines)")
            }
            #expect(
                lines.contains {
                    $0.hasPrefix("2. Fraud alerts: access key scopes[1] (FRAUD_KEY_ID / FRAUD_KEY_SECRET): ")
                }, "\(lines)")
            #expect(!result.standardOutput.contains("wrong-fraud-secret"))
        }
    }

    @Test("a missing key variable or file stops the run before any request (exit 1), naming the key path")
    func missingKey() async throws {
        try await Setup.with { setup in
            let noVariable = try await ToolProcess.run(
                ["run", "--config", setup.config], environment: ["CREDENTIALS_DIRECTORY": setup.credentials])
            #expect(noVariable.status == 1)
            #expect(
                noVariable.standardError.contains(
                    "nightly.yaml: scopes[1].keyIdEnv: the environment variable FRAUD_KEY_ID is not set"),
                "\(noVariable.standardError)")
            var environment = setup.environment(fraudSecret: "fraud-secret")
            environment["CREDENTIALS_DIRECTORY"] = setup.directory + "/elsewhere"
            let noFile = try await ToolProcess.run(["run", "--config", setup.config], environment: environment)
            #expect(noFile.status == 1)
            #expect(
                noFile.standardError.contains(
                    "scopes[0].keyIdFile: the key file \(setup.directory)/elsewhere/retail.id does not exist"),
                "\(noFile.standardError)")
            #expect(setup.fake.statistics.tokenRequests == 0 && setup.fake.statistics.listRequests == 0)
            #expect(!FileManager.default.fileExists(atPath: setup.output))
        }
    }

    @Test("a key on another project's scope: 403 fails that scope alone; its key still serves its own scopes")
    func keyOfAnotherProject() async throws {
        let scopes = [Self.retail, Self.fraud]
        try await RunHarness.with(
            scopes: scopes,
            change: {
                $0.projectKeys = [
                    "p-retail": FakeAccessKey(keyID: "retail-id", keySecret: "retail-secret"),
                    "p-fraud": FakeAccessKey(keyID: "fraud-id", keySecret: "fraud-secret"),
                ]
            }
        ) { harness in
            let retailKey = ScopeAccessKey(
                credentials: Credentials(keyID: "retail-id", keySecret: "retail-secret"), origin: "scopes[0]")
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            // Both scopes with the retail key: the fraud project refuses it (403), the retail scope is read.
            let outcome = try await ReportRun(
                configuration: harness.configuration, scopeKeys: [retailKey, retailKey], clock: Fixtures.clock,
                logger: logger
            ).run()
            #expect(outcome.exitCode == .partial)
            #expect(outcome.scopes[0].rows == 60 && outcome.scopes[0].isComplete)
            #expect(outcome.scopes[1].error?.kind == "accessDenied")
            #expect(outcome.scopes[1].error?.status == 403)
        }
    }
}

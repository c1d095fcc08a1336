import Foundation
import NumbersReportCore
import SinchImportedNumbers
import Testing

/// Issue 13: each scope may name its own access key, from environment variables or files.
@Suite("config: an access key per scope")
struct ScopeKeysConfigurationTests {
    static let twoScopes = """
        scopes:
          - projectId: p1
            servicePlanId: sp1
            campaignId: C1
          - projectId: p2
            servicePlanId: sp2
            campaignId: C2

        """

    private func parse(_ yaml: String) throws -> ReportConfiguration {
        try ReportConfiguration.parse(yaml: yaml, file: "nightly.yaml", relativeTo: "/etc/numbers-report")
    }

    /// The second scope of ``twoScopes`` with `lines` added (each indented as a key of the scope).
    private func withSecondScope(_ lines: [String], api: String = "") -> String {
        api + Self.twoScopes + lines.map { "    \($0)\n" }.joined()
    }

    private func problem(_ yaml: String) -> String? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(
        "every malformed key names the file, the line and the key path",
        arguments: [
            (["keyIdEnv: A"], "nightly.yaml:5: scopes[1].keySecretEnv: missing (keyIdEnv is given"),
            (["keySecretEnv: B"], "nightly.yaml:5: scopes[1].keyIdEnv: missing (keySecretEnv is given"),
            (["keyIdFile: id"], "nightly.yaml:5: scopes[1].keySecretFile: missing (keyIdFile is given"),
            (["keySecretFile: s"], "nightly.yaml:5: scopes[1].keyIdFile: missing (keySecretFile is given"),
            (
                ["keyIdEnv: A", "keySecretEnv: B", "keyIdFile: id", "keySecretFile: s"],
                "scopes[1].keyIdFile: give either keyIdEnv/keySecretEnv or keyIdFile/keySecretFile"
            ),
            (["keyIdEnv: A", "keySecretFile: s"], "scopes[1].keySecretFile: give either keyIdEnv/keySecretEnv"),
            (["keyIdEnv: \"\"", "keySecretEnv: B"], "nightly.yaml:8: scopes[1].keyIdEnv: must not be empty"),
            (["keyIdFile: [a]", "keySecretFile: s"], "scopes[1].keyIdFile: expected a string, found a list"),
            (["keyIdFiles: a"], "scopes[1].keyIdFiles: unknown key (known here: projectId"),
        ])
    func scopeKeyErrors(lines: [String], expected: String) {
        let found = problem(withSecondScope(lines)) ?? "accepted"
        #expect(found.contains(expected), "\(found)")
    }

    @Test(
        "api's key files come in a pair and not with api's variables",
        arguments: [
            ("api: { keyIdFile: id }\n", "nightly.yaml:1: api.keySecretFile: missing (keyIdFile is given"),
            (
                "api: { keyIdEnv: X, keyIdFile: id, keySecretFile: s }\n",
                "nightly.yaml:1: api.keyIdFile: give either keyIdEnv/keySecretEnv or keyIdFile/keySecretFile"
            ),
            ("api: { keyFile: id }\n", "api.keyFile: unknown key"),
        ])
    func apiKeyErrors(api: String, expected: String) {
        let found = problem(api + Self.twoScopes) ?? "accepted"
        #expect(found.contains(expected), "\(found)")
    }

    @Test("scopes without a key use api's; a scope's variables are read for it; api's are not needed then")
    func environmentKeys() throws {
        let configuration = try parse(withSecondScope(["keyIdEnv: FRAUD_ID", "keySecretEnv: FRAUD_SECRET"]))
        #expect(configuration.scopes[0].key == nil)
        #expect(configuration.scopes[1].key == .environment(keyIdEnv: "FRAUD_ID", keySecretEnv: "FRAUD_SECRET"))
        let keys = try configuration.scopeKeys(
            environment: [
                "SINCH_KEY_ID": "shared-id", "SINCH_KEY_SECRET": "shared-secret", "FRAUD_ID": "fraud-id",
                "FRAUD_SECRET": "fraud-secret",
            ], file: "nightly.yaml")
        #expect(keys.map(\.credentials.keyID) == ["shared-id", "fraud-id"])
        #expect(keys[0].origin == "api (SINCH_KEY_ID / SINCH_KEY_SECRET)")
        #expect(keys[1].origin == "scopes[1] (FRAUD_ID / FRAUD_SECRET)")

        let both = try parse(
            "scopes:\n  - { projectId: p1, servicePlanId: sp1, campaignId: C1, keyIdEnv: A, keySecretEnv: B }\n")
        #expect(try both.scopeKeys(environment: ["A": "a", "B": "b"], file: "n.yaml").count == 1)
    }

    @Test("a missing variable is refused, naming the scope's key path and the variable, never a secret")
    func missingVariable() throws {
        let configuration = try parse(withSecondScope(["keyIdEnv: FRAUD_ID", "keySecretEnv: FRAUD_SECRET"]))
        let environment = ["SINCH_KEY_ID": "i", "SINCH_KEY_SECRET": "top-secret", "FRAUD_ID": "fraud-id"]
        #expect {
            try configuration.scopeKeys(environment: environment, file: "nightly.yaml")
        } throws: { error in
            "\(error)"
                == "nightly.yaml: scopes[1].keySecretEnv: the environment variable FRAUD_SECRET is not set; "
                + "export it with the Sinch access key"
        }
        #expect {
            try configuration.scopeKeys(environment: ["FRAUD_ID": "a", "FRAUD_SECRET": "b"], file: "nightly.yaml")
        } throws: { error in
            "\(error)".hasPrefix("nightly.yaml: api.keyIdEnv: the environment variable SINCH_KEY_ID is not set")
        }
    }

    @Test("key files: relative to $CREDENTIALS_DIRECTORY when set, else to the config; newline trimmed")
    func keyFiles() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let credentials = directory + "/credentials"
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        try "from-credentials-dir\n".write(toFile: credentials + "/fraud.id", atomically: true, encoding: .utf8)
        try "s3cret-from-systemd\r\n".write(toFile: credentials + "/fraud.secret", atomically: true, encoding: .utf8)
        try "beside-config\n".write(toFile: directory + "/fraud.id", atomically: true, encoding: .utf8)
        try "beside-secret".write(toFile: directory + "/fraud.secret", atomically: true, encoding: .utf8)
        let config = directory + "/nightly.yaml"
        try withSecondScope(["keyIdFile: fraud.id", "keySecretFile: fraud.secret"])
            .write(toFile: config, atomically: true, encoding: .utf8)
        let configuration = try ReportConfiguration.load(path: config)
        #expect(configuration.scopes[1].key == .files(keyIdFile: "fraud.id", keySecretFile: "fraud.secret"))
        let base = ["SINCH_KEY_ID": "i", "SINCH_KEY_SECRET": "s"]

        let systemd = try configuration.scopeKeys(
            environment: base.merging(["CREDENTIALS_DIRECTORY": credentials]) { $1 }, file: config)
        #expect(systemd[1].credentials == Credentials(keyID: "from-credentials-dir", keySecret: "s3cret-from-systemd"))
        #expect(systemd[1].origin == "scopes[1] (files fraud.id / fraud.secret)")

        let beside = try configuration.scopeKeys(environment: base, file: config)
        #expect(beside[1].credentials == Credentials(keyID: "beside-config", keySecret: "beside-secret"))

        // api's key from files too, absolute paths as given.
        let apiFiles = try ReportConfiguration.parse(
            yaml: "api: { keyIdFile: \(directory)/fraud.id, keySecretFile: fraud.secret }\n" + Self.twoScopes,
            file: config, relativeTo: directory)
        let apiKey = try apiFiles.credentials(environment: ["CREDENTIALS_DIRECTORY": credentials], file: config)
        #expect(apiKey == Credentials(keyID: "beside-config", keySecret: "s3cret-from-systemd"))
    }

    @Test("an unreadable, empty or missing key file is refused, naming the key path and the file, not its content")
    func badKeyFiles() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "fraud-id\n".write(toFile: directory + "/fraud.id", atomically: true, encoding: .utf8)
        try "\n".write(toFile: directory + "/empty.secret", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/dir.secret", withIntermediateDirectories: true)
        let environment = ["SINCH_KEY_ID": "i", "SINCH_KEY_SECRET": "s", "CREDENTIALS_DIRECTORY": directory]
        for (file, problem) in [
            ("missing.secret", "does not exist"), ("empty.secret", "is empty"), ("dir.secret", "is a directory"),
        ] {
            let configuration = try parse(withSecondScope(["keyIdFile: fraud.id", "keySecretFile: \(file)"]))
            #expect {
                try configuration.scopeKeys(environment: environment, file: "nightly.yaml")
            } throws: { error in
                "\(error)" == "nightly.yaml: scopes[1].keySecretFile: the key file \(directory)/\(file) \(problem)"
            }
        }
    }

    @Test("the same scope twice is refused whatever key each names")
    func duplicateWithOtherKey() {
        let yaml = """
            scopes:
              - { projectId: p1, servicePlanId: sp1, campaignId: C1 }
              - { projectId: p1, servicePlanId: sp1, campaignId: C1, keyIdEnv: A, keySecretEnv: B }
            """
        #expect(problem(yaml)?.contains("scopes[1]: the same scope and filters as scopes[0]") == true)
    }

    @Test("the key names (never a key) are in the effective config; a config without them digests as before")
    func effectiveConfig() throws {
        let configuration = try parse(withSecondScope(["keyIdFile: fraud.id", "keySecretFile: fraud.secret"]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(configuration), as: UTF8.self)
        #expect(json.contains("fraud.secret"))
        #expect(!json.contains("keyIdFile\":null"))
        let plain = String(decoding: try encoder.encode(try parse(Self.twoScopes)), as: UTF8.self)
        #expect(!plain.contains("keyIdFile") && !plain.contains("\"key\""))
    }

    @Test("samples/production.yaml parses, with a scope that names its own key")
    func productionSample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let configuration = try ReportConfiguration.load(
            path: root.appendingPathComponent("samples/production.yaml").path)
        #expect(configuration.scopes.contains { $0.key != nil })
        #expect(configuration.scopes.contains { $0.key == nil })
    }
}

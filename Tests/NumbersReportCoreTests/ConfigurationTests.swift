import Foundation
import NumbersReportCore
import Testing

@Suite("config: strict YAML")
struct ConfigurationTests {
    static let minimal = """
        scopes:
          - projectId: p1
            servicePlanId: sp1
            campaignId: C1
        """

    private func parse(_ yaml: String) throws -> ReportConfiguration {
        try ReportConfiguration.parse(yaml: yaml, file: "nightly.yaml", relativeTo: "/etc/numbers-report")
    }

    private func problem(_ yaml: String) -> String? {
        do {
            _ = try parse(yaml)
            return nil
        } catch let error as ConfigurationError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("a minimal config takes the documented defaults; relative paths follow the file")
    func defaults() throws {
        let configuration = try parse(Self.minimal)
        #expect(configuration.api.baseURL == "https://imported.numbers.api.sinch.com")
        #expect(configuration.api.tokenURL == "https://auth.sinch.com/oauth2/token")
        #expect(configuration.api.auth == .oauth2)
        #expect(configuration.api.pageSize == 1000)
        #expect(configuration.api.maxAttempts == 5)
        #expect(configuration.health.staleAfterHours == 72)
        #expect(configuration.output.directory == "/etc/numbers-report/reports")
        #expect(configuration.output.keep == 0)
        #expect(configuration.output.csvByteOrderMark && configuration.output.csvExcelSafe)
        #expect(configuration.scopes.map(\.campaignId) == ["C1"])
    }

    @Test("the design's full example is accepted, JSON too")
    func fullExample() throws {
        let yaml = """
            api:
              baseURL: https://imported.numbers.api.sinch.com
              tokenURL: https://auth.sinch.com/oauth2/token
              auth: basic
              keyIdEnv: MY_KEY
              keySecretEnv: MY_SECRET
              pageSize: 500
              requestTimeoutSeconds: 12.5
              maxAttempts: 3
              concurrency: 8
            scopes:
              - projectId: d1923022-5199-4bb3-a513-c47b3a656bc5
                servicePlanId: 324e4567e89b12d3a456426614174000
                campaignId: C3O84GA
                label: Retail alerts
                regionCode: US
                numberPattern: { pattern: "+1206", searchPattern: START }
                orderBy: createdTime
            health:
              staleAfterHours: 48
            output:
              directory: /var/lib/numbers-report
              keep: 30
              csv: { bom: false, excelSafe: true }
              gzipLevel: 9
              xhtml: { template: templates/report.xhtml, maxProblemRows: 10 }
            """
        let configuration = try parse(yaml)
        #expect(configuration.api.auth == .basic)
        #expect(configuration.api.requestTimeoutSeconds == 12.5)
        #expect(configuration.scopes[0].numberPattern?.pattern == "+1206")
        #expect(configuration.scopes[0].numberPattern?.searchPattern == .start)
        #expect(configuration.output.directory == "/var/lib/numbers-report")
        #expect(!configuration.output.csvByteOrderMark)
        let json =
            #"{"scopes": [{"projectId": "p", "servicePlanId": "s", "campaignId": "c"}], "api": {"pageSize": 10}}"#
        #expect(try parse(json).api.pageSize == 10)
    }

    @Test(
        "each error names the file, line, key path and problem",
        arguments: [
            (minimal + "\nextra: 1", "nightly.yaml:5: extra: unknown key"),
            ("api: { pagesize: 10 }\n" + minimal, "nightly.yaml:1: api.pagesize: unknown key"),
            (
                "scopes:\n  - projectId: p\n    servicePlanId: s\n    campaignId: c\n  - projectId: p\n    servicePlanId: s\n",
                "nightly.yaml:5: scopes[1].campaignId: missing"
            ),
            ("scopes: []", "nightly.yaml:1: scopes: the list is empty"),
            ("api: {}", "nightly.yaml:1: scopes: missing"),
            ("scopes: {a: 1}", "nightly.yaml:1: scopes: expected a list"),
            (
                "api: { pageSize: lots }\n" + minimal,
                "nightly.yaml:1: api.pageSize: expected an integer, found \"lots\""
            ),
            ("api: { pageSize: 0 }\n" + minimal, "api.pageSize: 0 is out of range"),
            ("api: { auth: token }\n" + minimal, "api.auth: \"token\" is not one of oauth2, basic"),
            (
                "api: { baseURL: \"http://api.example.com\" }\n" + minimal,
                "api.baseURL: plain http:// is only allowed to a loopback host"
            ),
            ("api: { baseURL: \"ftp://x\" }\n" + minimal, "api.baseURL: unsupported scheme ftp"),
            ("api: { baseURL: \"https://user:pw@x\" }\n" + minimal, "api.baseURL: must not carry credentials"),
            (
                "scopes:\n  - { projectId: p, servicePlanId: s, campaignId: \"\" }",
                "scopes[0].campaignId: must not be empty"
            ),
            (
                "scopes:\n  - { projectId: p, servicePlanId: s, campaignId: c, regionCode: GB }",
                "scopes[0].regionCode: \"GB\" is not one of US, CA"
            ),
            (
                "scopes:\n  - { projectId: p, servicePlanId: s, campaignId: c, numberPattern: { pattern: \"12a\" } }",
                "scopes[0].numberPattern.pattern: expected digits"
            ),
            (
                "scopes:\n  - { projectId: p, servicePlanId: s, campaignId: c, orderBy: name }",
                "scopes[0].orderBy: \"name\" is not one of createdTime, updatedTime"
            ),
            (
                "scopes:\n  - { projectId: p, servicePlanId: s, campaignId: c }\n  - { projectId: p, servicePlanId: s, campaignId: c }",
                "scopes[1]: the same scope and filters as scopes[0]"
            ),
            ("health: { staleAfterHours: -1 }\n" + minimal, "health.staleAfterHours: must be greater than 0"),
            (
                "api: { requestTimeoutSeconds: 1e10 }\n" + minimal,
                "api.requestTimeoutSeconds: must be greater than 0 and at most 3600"
            ),
            (
                "api: { runDeadlineMinutes: 1e300 }\n" + minimal,
                "api.runDeadlineMinutes: must be greater than 0 and at most 10080"
            ),
            ("output: { csv: { bom: maybe } }\n" + minimal, "output.csv.bom: expected true or false"),
            ("output: { gzipLevel: 11 }\n" + minimal, "output.gzipLevel: 11 is out of range 0…9"),
            ("email: { to: \"not-an-address\" }\n" + minimal, "email.to: \"not-an-address\" is not an email address"),
            ("email: { to: [a@example.com, \"b@example.com\\r\\nBcc: x@y.z\"] }\n" + minimal, "email.to[1]: "),
            ("email: { subject: \"a\\nBcc: x@y.z\" }\n" + minimal, "email.subject: must be one line"),
            (
                "email: { sendCommand: \"sendmail -t\" }\n" + minimal,
                "email.sendCommand: give the program's absolute path"
            ),
            ("email: { smtpHost: x }\n" + minimal, "email.smtpHost: unknown key"),
            ("scopes: [ {", "nightly.yaml: not valid YAML"),
            ("", "nightly.yaml: the file is empty"),
        ])
    func errors(yaml: String, expected: String) {
        let message = problem(yaml)
        #expect(message?.contains(expected) == true, "got: \(message ?? "no error")")
    }

    @Test(
        "http:// is allowed to loopback hosts only",
        arguments: [
            ("http://127.0.0.1:8080", true), ("http://localhost:1", true), ("http://[::1]:9", true),
            ("http://127.1.2.3", true), ("http://128.0.0.1", false), ("http://localhost.example.com", false),
        ])
    func loopback(url: String, allowed: Bool) {
        let yaml = "api: { baseURL: \"\(url)\", tokenURL: \"\(url)/oauth2/token\" }\n" + Self.minimal
        #expect((problem(yaml) == nil) == allowed)
    }

    @Test("a missing credential variable is refused, naming the key and the variable")
    func missingCredential() throws {
        let configuration = try parse("api: { keySecretEnv: NIGHTLY_SECRET }\n" + Self.minimal)
        #expect(throws: ConfigurationError.self) {
            try configuration.credentials(environment: ["SINCH_KEY_ID": "id"], file: "nightly.yaml")
        }
        do {
            _ = try configuration.credentials(
                environment: ["SINCH_KEY_ID": "id", "NIGHTLY_SECRET": ""], file: "n.yaml")
        } catch {
            #expect(
                "\(error)"
                    == "n.yaml: api.keySecretEnv: the environment variable NIGHTLY_SECRET is not set; export it with the Sinch access key"
            )
        }
        let credentials = try configuration.credentials(
            environment: ["SINCH_KEY_ID": "id", "NIGHTLY_SECRET": "s3cret"], file: "n.yaml")
        #expect(credentials.keySecret == "s3cret")
        #expect(!"\(credentials)".contains("s3cret"))
    }

    @Test("an unreadable file is an error naming it")
    func unreadable() {
        #expect {
            try ReportConfiguration.load(path: "/nonexistent/nightly.yaml")
        } throws: { error in
            "\(error)".hasPrefix("/nonexistent/nightly.yaml: cannot read the file")
        }
    }

    @Test("samples/demo.yaml is the embedded demo config, and it parses")
    func demoSample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sample = try String(contentsOf: root.appendingPathComponent("samples/demo.yaml"), encoding: .utf8)
        #expect(sample == DemoConfiguration.yaml)
        let configuration = try parse(sample)
        #expect(configuration.scopes.count == 3)
    }
}

import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// Issue 13: a scope that answers, to the end, with no numbers is named — in the log, `summary.json`, the report,
/// the email and `check` — never a silent "complete, 0 rows"; the exit code stays 0.
@Suite("a scope that answered with no numbers")
struct EmptyScopeTests {
    /// The demo config plus a scope the fake does not know, which it answers with an empty 200.
    static func withSetup(_ body: (FakeSinchAPI, String, String) async throws -> Void) async throws {
        try await ToolSetup.with(
            change: { $0.unknownScopesAnswerEmpty = true },
            editConfig: {
                $0.replacingOccurrences(
                    of: "health:\n",
                    with: """
                          - projectId: \(FakeScope.demoProjectId)
                            servicePlanId: 9f8e7d6c5b4a39281706f5e4d3c2b1a0
                            campaignId: CGONE42
                            label: Retired campaign
                        health:

                        """)
            }
        ) { setup in try await body(setup.fake, setup.config, setup.output) }
    }

    static let sentence =
        "Retired campaign (campaign CGONE42, service plan 9f8e7d6c5b4a39281706f5e4d3c2b1a0): answered, no numbers"

    @Test("run: exit 0; named in the log, summary.json, the report and the email's text")
    func run() async throws {
        try await Self.withSetup { _, config, output in
            let result = try await ToolProcess.run(
                ["run", "--config", config, "--output", output, "--now", "2026-11-29T02:00:00Z"],
                environment: ToolProcess.demoCredentials)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardError.contains("scope answered with no numbers"), "\(result.standardError)")
            #expect(result.standardError.contains("Retired campaign"))
            let snapshot = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)

            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/summary.json"))) as! [String: Any]
            let scopes = try #require(summary["scopes"] as? [[String: Any]])
            #expect(scopes.count == 4)
            #expect(scopes[3]["answeredEmpty"] as? Bool == true)
            #expect(scopes[3]["complete"] as? Bool == true && scopes[3]["rows"] as? Int == 0)
            #expect(scopes.prefix(3).allSatisfy { $0["answeredEmpty"] == nil }, "the key only where it applies")
            #expect(summary["complete"] as? Bool == true)

            let report = try String(contentsOfFile: snapshot + "/data/report.xhtml", encoding: .utf8)
            #expect(report.contains(Self.sentence))
            #expect(report.contains("id=\"empty-scopes\""))
            #expect(try await OutsideTools.validateXHTML(snapshot + "/data/report.xhtml").valid)

            let script = """
                import email, sys
                m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
                part = next(p for p in m.walk() if p.get_content_type() == 'text/plain')
                sys.stdout.write(part.get_payload(decode=True).decode('utf-8'))
                """
            let text = try await runTool(["python3", "-c", script, snapshot + "/data/report.eml"])
            let plain = String(decoding: text.output, as: UTF8.self)
            #expect(plain.contains("Answered with no numbers: " + Self.sentence), "\(plain)")
            #expect(plain.contains("  - Retired campaign (campaign CGONE42): 0 rows of 0, answered, no numbers"))
        }
    }

    @Test("check: the scope is reachable and says it answered with no numbers; exit 0")
    func check() async throws {
        try await Self.withSetup { _, config, _ in
            let result = try await ToolProcess.run(
                ["check", "--config", config], environment: ToolProcess.demoCredentials)
            #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            let row = try #require(lines.first { $0.hasPrefix("4. Retired campaign ") }, "\(lines)")
            #expect(row.contains("yes, answered, no numbers"), "\(row)")
            #expect(lines.contains { $0.hasPrefix("4. Retired campaign: answered, no numbers") }, "\(lines)")
        }
    }
}

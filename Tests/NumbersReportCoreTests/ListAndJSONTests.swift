import Foundation
import NumbersReportCore
import Testing

/// For the operator's scripts: `list` of an output directory, and `--json` on `list`, `check` and `verify`.
@Suite("list, and --json on list, check and verify")
struct ListAndJSONTests {
    private func object(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test("list: every snapshot oldest first with completeness, rows, levels and size; verify --json says the same")
    func listAndVerify() async throws {
        try await ToolSetup.with { setup in
            for now in ["2026-11-28T02:00:00Z", "2026-11-29T02:00:00Z"] {
                let run = try await setup.run(
                    ["run", "--config", setup.config, "--output", setup.output, "--now", now])
                #expect(run.status == 0, "\(run.standardError)")
            }
            let table = try await setup.run(["list", setup.output])
            #expect(table.status == 0)
            let lines = table.standardOutput.split(separator: "\n")
            #expect(lines.count == 4, "\(table.standardOutput)")  // header, rule, two snapshots
            #expect(lines[2].hasPrefix("2026-11-28T020000Z  yes") && lines[3].hasPrefix("2026-11-29T020000Z  yes"))

            let listed = try #require(
                try object(try await setup.run(["list", setup.output, "--json"]).standardOutput)
                    as? [[String: Any]])
            #expect(listed.map { $0["name"] as? String } == ["2026-11-28T020000Z", "2026-11-29T020000Z"])
            let csv = try await csvRecords(setup.output + "/2026-11-29T020000Z/data/numbers.csv")
            #expect(listed.last?["rows"] as? Int == csv.count - 1)
            #expect((listed.last?["levels"] as? [String: Int])?.values.reduce(0, +) == csv.count - 1)
            #expect((listed.last?["bytes"] as? Int ?? 0) > 10_000)

            let verified = try await setup.run(["verify", "--all", setup.output, "--json"])
            #expect(verified.status == 0)
            let result = try #require(try object(verified.standardOutput) as? [String: Any])
            #expect(result["ok"] as? Bool == true && result["checked"] as? Int == 2)
            // A changed byte: not ok, the file named, exit 1.
            let report = setup.output + "/2026-11-29T020000Z/data/report.xhtml"
            var bytes = try Data(contentsOf: URL(fileURLWithPath: report))
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: URL(fileURLWithPath: report))
            let damaged = try await setup.run(["verify", "--all", setup.output, "--json"])
            #expect(damaged.status == 1)
            let problems = try #require(try object(damaged.standardOutput) as? [String: Any])
            #expect(problems["ok"] as? Bool == false)
            #expect(
                (problems["problems"] as? [[String: Any]])?.contains { $0["file"] as? String == "data/report.xhtml" }
                    == true)
            // Nothing to verify is still an answer in JSON: not ok, checked 0, the reason.
            let empty = setup.directory + "/empty"
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            for arguments in [["verify", "--all", empty, "--json"], ["verify", empty, "--json"]] {
                let nothing = try await setup.run(arguments)
                #expect(nothing.status == 1)
                let answer = try #require(try object(nothing.standardOutput) as? [String: Any], "\(arguments)")
                #expect(answer["ok"] as? Bool == false && answer["checked"] as? Int == 0)
                #expect((answer["problems"] as? [[String: Any]])?.count == 1)
            }
        }
    }

    @Test("check --json: the token, every scope, this machine, the exit status")
    func checkJSON() async throws {
        try await ToolSetup.with { setup in
            let result = try await setup.run(["check", "--config", setup.config, "--json"])
            #expect(result.status == 0, "\(result.standardError)")
            let report = try #require(try object(result.standardOutput) as? [String: Any])
            #expect((report["token"] as? [String: Any])?["ok"] as? Bool == true)
            let scopes = try #require(report["scopes"] as? [[String: Any]])
            #expect(
                scopes.count == 3 && scopes.allSatisfy { $0["reachable"] as? Bool == true && $0["totalSize"] is Int })
            #expect((report["local"] as? [[String: Any]])?.first?["ready"] as? Bool == true)
            #expect(report["exitStatus"] as? Int == 0)
        }
    }
}

import FakeSinchAPI
import Foundation
import Logging
import NumbersReportCore
import SinchImportedNumbers
import Synchronization
import Testing

@Suite("operator experience: help, check, logs, metrics, --fail-on, progress")
struct OperatorExperienceTests {
    @Test(
        "every command's --help renders, with an example",
        arguments: [[], ["run"], ["check"], ["demo"], ["verify"], ["list"], ["diff"], ["render"], ["fake-api"]])
    func help(command: [String]) async throws {
        let result = try await ToolProcess.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: numbers-report"))
        #expect(result.standardOutput.contains("Example"), "\(result.standardOutput)")
        #expect(result.standardError.isEmpty)
    }

    @Test("the top-level help explains the nightly job in two lines and names every command")
    func topLevelHelp() async throws {
        let text = try await ToolProcess.run(["--help"]).standardOutput
        #expect(text.contains("Each night, `run` fetches every number of every configured scope and judges its\n"))
        #expect(text.contains("provisioning health, then publishes a dated, checksummed snapshot of them.\n"))
        for command in ["run", "check", "demo", "verify", "list", "diff", "render", "fake-api"] {
            #expect(text.contains("  \(command) "), "\(command)")
        }
    }

    @Test("every option of run has help text with an example")
    func runOptionsHaveExamples() async throws {
        // Help text is wrapped to the terminal's width: compare with whitespace runs as single spaces.
        let text = try await ToolProcess.run(["run", "--help"]).standardOutput.replacingOccurrences(
            of: "\n {20,}", with: " ", options: .regularExpression)
        for option in ["--config", "--output", "--now", "--fail-on", "--metrics-file", "--log-level", "--log-format"] {
            let start = try #require(text.range(of: "\n  \(option) "), "\(option)")
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n  -")?.lowerBound ?? rest.endIndex
            #expect(rest[..<end].contains("Example: \(option)"), "\(option): \(rest[..<end])")
        }
    }

    @Test("check fails what run would fail: an output directory it cannot create (3), a mailer it cannot run (2)")
    func checkChecksTheMachine() async throws {
        let mailer = "\nemail: { to: [ops@example.com], sendCommand: [/nonexistent/sendmail, -t] }\n"
        try await ToolSetup.with(editConfig: { $0 + mailer }) { setup in
            let result = try await setup.run(["check", "--config", setup.config])
            #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
            #expect(result.standardOutput.contains("mailer /nonexistent/sendmail: FAILED: does not exist"))
            #expect(
                result.standardOutput.contains("output directory \(setup.output): ready"), "\(result.standardOutput)")
            #expect(!FileManager.default.fileExists(atPath: setup.output), "check creates nothing")
        }
        try await ToolSetup.with(editConfig: { $0.replacingOccurrences(of: "./reports", with: "./blocker/reports") }) {
            setup in
            // A file where the output directory's parent should be: run could not create it.
            FileManager.default.createFile(atPath: setup.directory + "/blocker", contents: Data("x".utf8))
            let result = try await setup.run(["check", "--config", setup.config])
            #expect(result.status == 3, "\(result.standardOutput)\(result.standardError)")
            #expect(result.standardOutput.contains("/blocker/reports: FAILED"), "\(result.standardOutput)")
            let run = try await setup.run(["run", "--config", setup.config])
            #expect(run.status == 3, "run fails as check said: \(run.standardError)")
        }
    }

    @Test("check: a table of every scope with totalSize, granted page size and latency; publishes nothing")
    func checkPublishesNothing() async throws {
        try await ToolSetup.with(change: { $0.pageSizeCap = 30 }) { setup in
            let result = try await setup.run(["check", "--config", setup.config])
            #expect(result.status == 0, "\(result.standardError)")
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("scope") == true)
            #expect(lines.first?.contains("reachable") == true && lines.first?.contains("latency") == true)
            for (index, scope) in FakeScope.demo.enumerated() {
                let row = try #require(lines.first { $0.hasPrefix("\(index + 1). ") }, "\(lines)")
                #expect(row.contains(" yes "))
                #expect(row.hasSuffix(" ms"))
                let total = setup.fake.recordCount(for: scope, regionCode: index == 2 ? "US" : nil)
                #expect(row.contains(" \(total) "), "\(row) \(total)")
                // The server's cap of 30 is below the config's pageSize of 50.
                #expect(row.contains(total > 30 ? " 30 of 50 " : " \(total) (all) "), "\(row)")
            }
            #expect(lines.contains { $0.hasPrefix("access token: fetched in ") })
            #expect(!FileManager.default.fileExists(atPath: setup.output), "check wrote an output directory")
            #expect(setup.fake.statistics.pagesServed == FakeScope.demo.count)
        }
    }

    @Test("check: an unknown scope makes it exit 2 and say why; refused credentials exit 3")
    func checkFailures() async throws {
        try await ToolSetup.with(editConfig: {
            $0.replacingOccurrences(of: "campaignId: CRETAIL1", with: "campaignId: NOPE")
        }) { setup in
            let partial = try await setup.run(["check", "--config", setup.config])
            #expect(partial.status == 2)
            #expect(partial.standardOutput.contains("2. Store pickups"))
            #expect(partial.standardOutput.contains(" NO "))
            #expect(partial.standardOutput.contains("HTTP 404"))
            let refused = try await setup.run(
                ["check", "--config", setup.config],
                environment: ["SINCH_KEY_ID": "demo-key-id", "SINCH_KEY_SECRET": "wrong"])
            #expect(refused.status == 3)
            #expect(refused.standardOutput.contains("access token: FAILED"))
            #expect(!refused.standardOutput.contains("wrong"))
            let missing = try await setup.run(["check", "--config", setup.config], environment: [:])
            #expect(missing.status == 1)
            #expect(missing.standardError.contains("api.keyIdEnv"))
            #expect(!FileManager.default.fileExists(atPath: setup.output))
        }
    }

    @Test("--log-format json: every stderr line is a JSON object with time, level, message and metadata")
    func jsonLogs() async throws {
        // One scope at a time, so that a retry is always the next request and never lands on a fault.
        try await ToolSetup.with(
            change: {
                $0.faultEvery = 3
                $0.recurringFaults = [.serverError(status: 503)]
            },
            editConfig: { $0.replacingOccurrences(of: "concurrency: 2", with: "concurrency: 1") }
        ) { setup in
            let result = try await setup.run([
                "run", "--config", setup.config, "--output", setup.output, "--log-format", "json", "--log-level",
                "debug",
            ])
            #expect(result.status == 0, "\(result.standardError)")
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count > 10)
            var objects: [[String: Any]] = []
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object != nil, "not a JSON object: \(line)")
                if let object { objects.append(object) }
            }
            for object in objects {
                #expect(object["time"] is String && object["level"] is String && object["message"] is String)
            }
            let pages = objects.filter { $0["message"] as? String == "page written" }
            #expect(pages.count > 5)
            // Numbers are JSON numbers.
            #expect(pages.contains { $0["scope"] as? String == "Retail alerts" && $0["page"] as? Int == 1 })
            let completed = objects.filter { $0["message"] as? String == "scope complete" }
            #expect(completed.count == 3)
            #expect(completed.allSatisfy { $0["pages"] is Int && $0["rows"] is Int && $0["totalSize"] is Int })
            let retry = try #require(objects.first { $0["message"] as? String == "retrying after a transient failure" })
            #expect(retry["level"] as? String == "notice")
            // One short line: the scope by its name and the page number, attempt n/N, the delay in whole
            // milliseconds; not the request's URL (the scope and page say which it was).
            #expect(retry["status"] as? Int == 503)
            #expect((retry["attempt"] as? String)?.hasPrefix("1/") == true, "\(retry)")
            #expect(retry["delay_ms"] is Int, "\(retry)")
            let scopeNames = ["Retail alerts", "Store pickups", "Fraud alerts (US)"]
            #expect(scopeNames.contains(retry["scope"] as? String ?? ""), "\(retry)")
            #expect((retry["page"] as? Int ?? 0) >= 1, "\(retry)")
            #expect(retry["request"] == nil, "\(retry)")
            #expect((retry["reason"] as? String)?.contains("importedNumbers") == false, "\(retry)")
            // The last line: the exit code and why, with the night's totals as numbers.
            let closing = try #require(objects.last)
            #expect(closing["message"] as? String == "run finished", "\(closing)")
            #expect(
                closing["exit"] as? Int == 0 && (closing["rows"] as? Int ?? 0) > 0
                    && (closing["retries"] as? Int ?? 0) >= 1)
            #expect((closing["why"] as? String)?.hasPrefix("complete") == true && closing["seconds"] is Double)
            #expect(!result.standardError.contains("demo-key-secret"))

            // What the tool says besides its log (nothing published, a metrics file it could not write)
            // comes as JSON lines too.
            let failed = try await setup.run(
                [
                    "run", "--config", setup.config, "--output", setup.output, "--log-format", "json",
                    "--metrics-file", setup.directory + "/missing/numbers_report.prom",
                ], environment: ["SINCH_KEY_ID": "demo-key-id", "SINCH_KEY_SECRET": "wrong"])
            #expect(failed.status == 3)
            let messages = try failed.standardError.split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["message"] as? String ?? ""
            }
            #expect(messages.contains("nothing could be fetched; no snapshot was published"))
            #expect(messages.contains { $0.hasPrefix("the metrics file was not written: ") })

            // A run that ends before it has an outcome (here a config error) closes with the same line.
            let broken = setup.directory + "/broken.yaml"
            try "scopes: []\n".write(toFile: broken, atomically: true, encoding: .utf8)
            let refused = try await setup.run([
                "run", "--config", broken, "--output", setup.output, "--log-format", "json",
            ])
            #expect(refused.status == 1)
            let last = try #require(refused.standardError.split(separator: "\n").last)
            let closingLine = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
            #expect(closingLine?["message"] as? String == "run finished", "\(refused.standardError)")
            #expect(closingLine?["exit"] as? Int == 1 && closingLine?["seconds"] is Double)
            #expect((closingLine?["why"] as? String)?.contains("broken.yaml") == true, "\(refused.standardError)")
        }
    }

    @Test("--fail-on LEVEL: exit 4 after a complete run with rows at or above LEVEL; the snapshot is published")
    func failOn() async throws {
        try await ToolSetup.with { setup in
            let plain = try await setup.run(["run", "--config", setup.config, "--output", setup.output])
            #expect(plain.status == 0, "\(plain.standardError)")
            let failing = try await setup.run([
                "run", "--config", setup.config, "--output", setup.output, "--fail-on", "FAILED",
            ])
            #expect(failing.status == 4)
            // The closing line says why: the level and how many numbers are at it or worse.
            let failed = try #require(
                String(
                    decoding: try Data(
                        contentsOf: URL(
                            fileURLWithPath: failing.standardOutput
                                .trimmingCharacters(in: .whitespacesAndNewlines) + "/data/numbers.csv")), as: UTF8.self
                )
                .components(separatedBy: "\r\n").dropFirst().filter { $0.contains(",FAILED,") }.count as Int?)
            let closing = try #require(
                failing.standardError.split(separator: "\n").last { $0.contains("run finished") })
            #expect(
                closing.contains("exit=4")
                    && closing.contains("why=--fail-on FAILED: \(failed) numbers at FAILED or worse"), "\(closing)")
            let path = failing.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(FileManager.default.fileExists(atPath: path + "/data/numbers.csv"))
            let usage = try await setup.run(["run", "--config", setup.config, "--fail-on", "BROKEN"])
            #expect(usage.status == 1)
            #expect(usage.standardError.contains("--fail-on"))
        }
    }

    @Test("--metrics-file: replaced atomically, parsed by the Prometheus client's own parser")
    func metricsFile() async throws {
        try await ToolSetup.with { setup in
            let metrics = setup.directory + "/numbers_report.prom"
            let result = try await setup.run([
                "run", "--config", setup.config, "--output", setup.output, "--metrics-file", metrics,
            ])
            #expect(result.status == 0, "\(result.standardError)")
            let parsed = try await OutsideTools.python("check_metrics.py", [metrics])
            let samples = parsed["samples"] as? [[String: Any]] ?? []
            func values(_ name: String) -> [(labels: [String: String], value: Double)] {
                samples.filter { $0["name"] as? String == name }.map {
                    ($0["labels"] as? [String: String] ?? [:], $0["value"] as? Double ?? .nan)
                }
            }
            let rows = values("numbers_report_rows")
            #expect(rows.count == FakeScope.demo.count * HealthLevel.allCases.count)
            let csvRows =
                try await csvRecords(
                    result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) + "/data/numbers.csv"
                ).count - 1
            #expect(Int(rows.map(\.value).reduce(0, +)) == csvRows)
            #expect(rows.contains { $0.labels["scope"] == "Fraud alerts (US)" && $0.labels["health"] == "FAILED" })
            #expect(values("numbers_report_last_run_exit_code").first?.value == 0)
            let success = try #require(values("numbers_report_last_success_timestamp_seconds").first?.value)
            #expect(abs(success - Date().timeIntervalSince1970) < 600)
            #expect(values("numbers_report_last_run_requests").first?.value ?? 0 > 3)
            #expect(values("numbers_report_snapshot_bytes").contains { $0.labels["file"] == "numbers.csv" })
            #expect((parsed["types"] as? [String: String])?["numbers_report_rows"] == "gauge")

            // A failed run keeps the last success time and says how it ended.
            let failed = try await setup.run(
                ["run", "--config", setup.config, "--output", setup.output, "--metrics-file", metrics],
                environment: ["SINCH_KEY_ID": "demo-key-id", "SINCH_KEY_SECRET": "wrong"])
            #expect(failed.status == 3)
            let after =
                try await OutsideTools.python("check_metrics.py", [metrics])["samples"] as? [[String: Any]] ?? []
            func value(_ name: String) -> Double? {
                after.first { $0["name"] as? String == name }?["value"] as? Double
            }
            #expect(value("numbers_report_last_run_exit_code") == 3)
            #expect(value("numbers_report_last_success_timestamp_seconds") == success)
            #expect(after.contains { $0["name"] as? String == "numbers_report_last_run_failures" })
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.directory).filter {
                $0.contains(".tmp-")
            }
            #expect(leftovers.isEmpty)
        }
    }

    @Test("progress: nothing of it when stderr is not a terminal; live lines and a summary table on one")
    func progressOnlyOnTerminal() async throws {
        try await ToolSetup.with(change: { $0.latency = .milliseconds(20) }) { setup in
            let piped = try await setup.run(["run", "--config", setup.config, "--output", setup.output])
            #expect(piped.status == 0)
            #expect(!piped.standardError.contains("\u{1B}["))
            #expect(!piped.standardError.contains("rows/s"))
            #expect(!piped.standardError.contains { $0 == "\r" })
            #expect(!piped.standardError.split(separator: "\n").contains { $0.hasPrefix("scope ") })

            // util-linux `script` gives the tool a pseudo-terminal, as an operator's shell would.
            let command = [ToolProcess.executable, "run", "--config", setup.config, "--output", setup.output]
                .map { "'\($0)'" }.joined(separator: " ")
            let terminal = try await ToolProcess.runSystem(
                ["script", "--quiet", "--return", "--command", command, "/dev/null"],
                environment: ToolProcess.demoCredentials)
            #expect(terminal.status == 0, "\(terminal.standardOutput)")
            let text = terminal.standardOutput.replacingOccurrences(of: "\r\n", with: "\n")  // the terminal's line ends
            #expect(text.contains("\u{1B}["))
            #expect(text.contains("rows/s"))
            #expect(text.contains("done  1. Retail alerts: "))
            let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9]*[A-Za-z]", with: "", options: .regularExpression)
            let table = plain.split(separator: "\n").drop { !$0.hasPrefix("scope ") }
            #expect(table.first?.contains("totalSize") == true && table.first?.hasSuffix("status") == true)
            #expect(table.contains { $0.hasPrefix("all ") && $0.hasSuffix("complete") })
        }
    }
}

@Suite("log handlers")
struct LogHandlerTests {
    final class Capture: Sendable {
        let lines = Mutex<[String]>([])
        func write(_ text: String) { lines.withLock { $0.append(text) } }
    }

    @Test("JSON lines: fixed keys first, metadata as keys, nested values as JSON, clashes renamed, escaping")
    func jsonLines() throws {
        let capture = Capture()
        var handler = JSONLogHandler(
            label: "numbers-report", output: { capture.write(String(decoding: $0, as: UTF8.self)) },
            now: { Date(timeIntervalSince1970: 1_795_917_600.25) })
        handler.logLevel = .debug
        handler[metadataKey: "run"] = "r1"
        let logger = Logger(label: "numbers-report") { _ in handler }
        logger.notice(
            "retrying \"after\"\na failure",
            metadata: [
                "scope": "Retail alerts", "page": "3", "status": "503", "attempt": "2", "message": "clash",
                "nested": ["list": ["a", "b"], "text": "x"],
            ])
        let lines = capture.lines.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines[0].hasSuffix("}\n") && lines[0].filter { $0 == "\n" }.count == 1)
        #expect(lines[0].hasPrefix("{\"time\":\"2026-11-29T02:00:00.250Z\",\"level\":\"notice\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["message"] as? String == "retrying \"after\"\na failure")
        #expect(object["metadata.message"] as? String == "clash")
        #expect(object["scope"] as? String == "Retail alerts")
        #expect(object["page"] as? String == "3")
        #expect(object["status"] as? String == "503")
        #expect(object["attempt"] as? String == "2")
        #expect(object["run"] as? String == "r1")
        #expect((object["nested"] as? [String: Any])?["list"] as? [String] == ["a", "b"])
    }

    @Test("text lines: the StreamLogHandler shape, metadata sorted")
    func textLines() {
        let capture = Capture()
        let handler = TextLogHandler(
            label: "numbers-report", output: capture.write, now: { Date(timeIntervalSince1970: 1_795_917_600) })
        let logger = Logger(label: "numbers-report") { _ in handler }
        logger.warning("scope failed", metadata: ["scope": "A", "pages": "2"])
        #expect(
            capture.lines.withLock { $0 }
                == [
                    "2026-11-29T02:00:00+0000 warning numbers-report: pages=2 scope=A [NumbersReportCoreTests] scope failed\n"
                ])
    }
}

@Suite("terminal progress")
struct TerminalProgressTests {
    @Test("a live line per running scope with rows of totalSize, rate and ETA; a line when a scope ends; a table")
    func liveLinesAndTable() {
        let written = Mutex<[String]>([])
        let start = ContinuousClock.now
        let elapsed = Mutex<Duration>(.zero)
        let progress = TerminalProgress(
            output: { text in written.withLock { $0.append(text) } }, redrawInterval: .zero,
            now: { start + elapsed.withLock { $0 } })
        let retail = ScopeSettings(projectId: "p", servicePlanId: "s1", campaignId: "C1", label: "Retail alerts")
        let fraud = ScopeSettings(projectId: "p", servicePlanId: "s2", campaignId: "C2")
        progress.handle(.scopeStarted(index: 0, scope: retail))
        progress.handle(.scopeStarted(index: 1, scope: fraud))
        elapsed.withLock { $0 = .seconds(2) }
        progress.handle(.pageWritten(index: 0, pages: 2, rows: 2_000, totalSize: 10_000))
        let live = written.withLock { $0.last ?? "" }
        #expect(live.hasPrefix("\u{1B}[2F\u{1B}[J"), "the two previous live lines are erased first")
        #expect(live.contains("1. Retail alerts  page 2  2,000 / 10,000 rows  20%  1,000 rows/s  ETA 0:08"), "\(live)")
        #expect(live.contains("2. s2 / C2  page 0  0 rows  0 rows/s"), "\(live)")

        var result = ScopeResult(scope: retail)
        result.pages = 10
        result.rows = 10_000
        result.totalSize = 10_000
        result.levelCounts = [.healthy: 9_000, .failed: 1_000]
        elapsed.withLock { $0 = .seconds(10) }
        progress.handle(.scopeFinished(index: 0, result: result))
        let finished = written.withLock { $0.joined() }
        #expect(finished.contains("done  1. Retail alerts: 10,000 rows, 10 pages in 10.0 s\n"))
        var failed = ScopeResult(scope: fraud)
        failed.error = ScopeFailure(kind: "httpStatus", status: 404, message: "HTTP 404")
        progress.finish(RunOutcome(snapshotPath: "/r/x", scopes: [result, failed], requests: 12, retries: 1))
        let table = written.withLock { $0.last ?? "" }
        let lines = table.replacingOccurrences(of: "\u{1B}[1F\u{1B}[J", with: "").split(separator: "\n")
        #expect(lines.first?.hasPrefix("scope") == true)
        #expect(lines.first?.contains("FAILED") == true && lines.first?.contains("HEALTHY") == true)
        #expect(lines.contains { $0.hasPrefix("1. Retail alerts") && $0.hasSuffix("complete") })
        #expect(lines.contains { $0.hasPrefix("2. s2 / C2") && $0.hasSuffix("FAILED: httpStatus") })
        #expect(lines.last?.hasPrefix("all") == true && lines.last?.hasSuffix("partial") == true)
    }
}

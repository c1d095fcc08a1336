import FakeSinchAPI
import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers
import Testing

@Suite("the XHTML report and the email")
struct ReportTests {
    static let allowedElements: Set = [
        "html", "head", "meta", "title", "body", "div", "h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td",
        "ul", "li", "a", "span",
    ]

    /// Numbers whose free text is as hostile as it gets, all FAILED so that the report lists them.
    static func hostileRows() -> [NumberRow] {
        let texts = [
            "<script>alert(1)</script>", "]]><b>x</b>", "<a href=\"javascript:alert(1)\">click</a>",
            "=HYPERLINK(\"x\")",
            "esc\u{1B}[31m bell\u{07} nul\u{0}", "\u{202E}fdp.exe", "line\r\nbreak", "😀 𝒳 \u{2028}",
            "&amp; &lt;", "\" onmouseover=\"alert(1)", String(repeating: "long ", count: 1000),
        ]
        let urls = [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
            "https://ok.example.com/hook?a=1&b=<2>", "http://ok.example.com/\" onclick=\"x", "vbscript:x", "",
            "https://hooks.example.com/fine", "//evil.example.com", "http://\u{202E}moc.live", "ftp://x",
        ]
        let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
        return texts.enumerated().map { index, text in
            var number = Fixtures.healthyNumber()
            number.phoneNumber = "+1206555\(String(format: "%04d", index))"
            number.displayName = text
            number.callbackUrl = urls[index % urls.count]
            number.mnoConfiguration?.smsTmo = CarrierState(
                state: .failed, errorCode: "6013\(index)", errorMessage: text, updateTime: Fixtures.time(hoursAgo: 5),
                operation: .provisioning)
            var scope = Fixtures.scope
            scope.label = text
            return builder.row(for: number, scope: scope)
        }
    }

    private func render(_ rows: [NumberRow], failure: Bool = false, maxProblemRows: Int = 1000) throws -> String {
        var digest = ReportDigest(maxProblemRows: maxProblemRows)
        for row in rows { digest.add(row) }
        var result = ScopeResult(scope: rows.first?.scope ?? Fixtures.scope)
        result.rows = rows.count
        result.pages = 1
        var scopes = [result]
        if failure {
            var failed = ScopeResult(scope: ScopeSettings(projectId: "p", servicePlanId: "s<b>", campaignId: "C<i>"))
            failed.error = ScopeFailure(.credentialsMissing(variable: "<script>X</script>"))
            scopes.append(failed)
        }
        let html = try ReportDocument(digest: digest, context: ReportContext(clock: Fixtures.clock, scopes: scopes))
            .render(template: .builtIn)
        let path = try Fixtures.temporaryDirectory() + "/report.xhtml"
        try Data(html).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Removes the temporary directory ``render(_:failure:maxProblemRows:)`` wrote `path` into.
    private static func removeDirectory(of path: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    @Test("hostile text stays inert text: valid XHTML, no injected element, attribute or link")
    func hostile() async throws {
        let path = try render(Self.hostileRows(), failure: true)
        defer { Self.removeDirectory(of: path) }
        let validation = try await OutsideTools.validateXHTML(path)
        #expect(validation.valid, "\(validation.messages)")
        let report = try await OutsideTools.python("check_report.py", [path])
        let elements = Set(report["elements"] as? [String] ?? ["missing"])
        #expect(elements.isSubset(of: Self.allowedElements), "\(elements.subtracting(Self.allowedElements))")
        #expect(report["scripts"] as? Int == 0)
        #expect(report["handlers"] as? Int == 0)
        let links = report["links"] as? [String] ?? []
        // "<2>" makes the first https URL no URL at all: it stays text.
        #expect(links == ["https://hooks.example.com/fine"])
        let text = report["text"] as? String ?? ""
        #expect(text.contains("<script>alert(1)</script>"))
        #expect(text.contains("]]><b>x</b>"))
        #expect(text.contains("javascript:alert(1)"))
        #expect(text.contains("[U+202E]fdp.exe"))
        #expect(text.contains("esc\u{FFFD}[31m bell\u{FFFD} nul\u{FFFD}"))
        #expect(text.contains("Incomplete run: 1 of 2 scopes"))
        #expect(text.contains("<script>X</script>"))
    }

    @Test("the built-in template is templates/report.xhtml, and it is valid XHTML 1.0 Strict as it stands")
    func template() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("templates/report.xhtml").path
        #expect(FileManager.default.contents(atPath: path).map(Array.init) == ReportTemplate.builtIn.bytes)
        #expect(try await OutsideTools.validateXHTML(path).valid)
        #expect(try ReportTemplate.load(path: path, configFile: "c.yaml").bytes == ReportTemplate.builtIn.bytes)
    }

    @Test("a template that is missing, broken or lacks a slot is a config error naming it")
    func badTemplate() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let broken = directory + "/broken.xhtml"
        try Data("<html><body><div id=\"header\"></body></html>".utf8).write(to: URL(fileURLWithPath: broken))
        let partial = directory + "/partial.xhtml"
        try Data("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><div id=\"header\"/></body></html>".utf8)
            .write(to: URL(fileURLWithPath: partial))
        for (path, problem) in [
            (directory + "/none.xhtml", "cannot read the template"), (broken, "not well-formed XML"),
            (partial, "no element with id=\"report-title\""),
        ] {
            #expect {
                try ReportTemplate.load(path: path, configFile: "nightly.yaml")
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix("nightly.yaml: output.xhtml.template:") && text.contains(problem)
            }
        }
    }

    @Test("the problem list is capped, worst and oldest first, and says how many more are in the CSV")
    func cappedProblems() async throws {
        let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
        var rows: [NumberRow] = []
        for index in 0..<50 {
            var number = Fixtures.healthyNumber()
            number.phoneNumber = "+1415555\(String(format: "%04d", index))"
            if index % 2 == 0 {
                number.smsProvisioning?.state = .waiting
                number.smsProvisioning?.updateTime = Fixtures.time(hoursAgo: Double(index))
            } else {
                number.campaignProvisioning?.state = .failed
                number.campaignProvisioning?.updateTime = Fixtures.time(hoursAgo: Double(index))
            }
            rows.append(builder.row(for: number, scope: Fixtures.scope))
        }
        var digest = ReportDigest(maxProblemRows: 7)
        for row in rows { digest.add(row) }
        let listed = digest.problems.rows
        #expect(listed.count == 7)
        #expect(listed.allSatisfy { $0.verdict.level == .failed })
        #expect(
            listed.map(\.number.phoneNumber)
                == [49, 47, 45, 43, 41, 39, 37].map { "+1415555\(String(format: "%04d", $0))" })
        let path = try render(rows, maxProblemRows: 7)
        defer { Self.removeDirectory(of: path) }
        let report = try await OutsideTools.python("check_report.py", [path])
        #expect(report["problemRows"] as? Int == 7)
        #expect(report["more"] as? String == "43 more problem numbers are in numbers.csv.")
    }

    @Test("each channel's states are counted exactly, however many states the API sends and however digests merge")
    func channelStateCounts() throws {
        let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
        var expected: [String: Int] = [:]
        var parts = [ReportDigest](repeating: ReportDigest(maxProblemRows: 10), count: 3)
        // 40 states (more than are listed before a dictionary takes the rest), a missing one, and no object at all.
        for index in 0..<400 {
            var number = Fixtures.healthyNumber()
            number.phoneNumber = "+1415555\(String(format: "%04d", index))"
            let state: String
            switch index % 42 {
            case 40:
                number.smsProvisioning?.state = nil
                state = "(no state)"
            case 41:
                number.smsProvisioning = nil
                state = ReportDigest.absentState
            default:
                number.smsProvisioning?.state = ProvisioningState(rawValue: "STATE_\(index % 42 * 7919 % 97)")
                state = "STATE_\(index % 42 * 7919 % 97)"
            }
            expected[state, default: 0] += 1
            parts[index % 3].add(builder.row(for: number, scope: Fixtures.scope))
        }
        // A record that could not be decoded counts in no channel.
        parts[1].add(builder.row(for: RejectedRecord(index: 0, phoneNumber: nil, reason: "bad"), scope: Fixtures.scope))
        var merged = ReportDigest(maxProblemRows: 10)
        for part in parts { merged.merge(part) }
        #expect(merged.channelStates["sms_prov"] == expected)
        #expect(merged.channelStates["sms_att"] == ["DONE": 400])
        #expect(merged.rowCount == 401)
    }

    @Test(
        "the capped problem list keeps exactly the rows a full sort would, however rows arrive and lists merge",
        arguments: [1, 2, 3, 4])
    func cappedProblemsMatchFullSort(seed: UInt64) throws {
        let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
        var generator = SeededRandomNumberGenerator(seed: seed)
        var rows: [NumberRow] = []
        for index in 0..<600 {
            var number = Fixtures.healthyNumber()
            number.phoneNumber = "+1415555\(String(format: "%04d", index))"
            let hours = Double(Int.random(in: 1...200, using: &generator))
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: number.smsProvisioning?.state = .waiting
            case 1: number.campaignProvisioning?.state = .failed
            case 2: number.smsProvisioning?.state = .inProgress
            default: number.smsProvisioning = nil
            }
            number.smsProvisioning?.updateTime = Fixtures.time(hoursAgo: hours)
            number.campaignProvisioning?.updateTime = Fixtures.time(hoursAgo: hours)
            rows.append(builder.row(for: number, scope: Fixtures.scope))
        }
        rows.shuffle(using: &generator)
        let problems = rows.filter { $0.verdict.level != .healthy }
        let capacity = 25
        var everything = ProblemList(capacity: problems.count)
        var parts = [ProblemList](repeating: ProblemList(capacity: capacity), count: 3)
        for (index, row) in problems.enumerated() {
            everything.add(row)
            parts[index % 3].add(row)
        }
        var merged = ProblemList(capacity: capacity)
        for part in parts { merged.merge(part) }
        #expect(problems.count > capacity * 4)
        #expect(merged.rows.map(\.number.phoneNumber) == everything.rows.prefix(capacity).map(\.number.phoneNumber))
    }

    @Test("a run's report: valid, its counts equal the CSV's, and its email parses strictly")
    func runReport() async throws {
        try await RunHarness.with { harness in
            harness.configuration.email.to = ["Compliance <compliance@example.com>", "ops@example.com"]
            harness.configuration.email.subject = "Nächtlicher Bericht"
            harness.configuration.email.gzipAttachmentAboveBytes = 1_000
            let outcome = try await harness.run()
            let data = try #require(outcome.snapshotPath) + "/data/"
            let validation = try await OutsideTools.validateXHTML(data + "report.xhtml")
            #expect(validation.valid, "\(validation.messages)")

            let report = try await OutsideTools.python("check_report.py", [data + "report.xhtml"])
            let script =
                "import csv,sys,json,collections; r=list(csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8-sig'))); print(json.dumps(collections.Counter(x['health'] for x in r)))"
            let counted =
                try JSONSerialization.jsonObject(
                    with: await runTool(["python3", "-c", script, data + "numbers.csv"]).output)
                as! [String: Int]
            let totals = report["totals"] as? [String: Int] ?? [:]
            for level in HealthLevel.allCases {
                #expect(totals[level.name] == (counted[level.name] ?? 0), "\(level.name)")
            }
            #expect(totals["ALL"] == counted.values.reduce(0, +))
            #expect(totals["ALL"] == FakeScope.demo.map(\.numbers).reduce(0, +))
            #expect(Set(report["elements"] as? [String] ?? []).isSubset(of: Self.allowedElements))
            #expect(
                (report["links"] as? [String] ?? []).allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("http://") })

            let email = try await OutsideTools.python("check_email.py", [data + "report.eml"])
            #expect(
                email["parts"] as? [String] == [
                    "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/gzip",
                ])
            #expect(email["to"] as? String == "Compliance <compliance@example.com>, ops@example.com")
            #expect(
                (email["subject"] as? String)?.hasPrefix("Nächtlicher Bericht: Imported numbers 2026-11-29: ") == true)
            #expect(email["date"] as? String == "Sun, 29 Nov 2026 02:00:00 +0000")
            #expect(email["mimeVersion"] as? String == "1.0")
            let sha256 = { (path: String) async throws in
                String(decoding: try await runTool(["sha256sum", path]).output.prefix(64), as: UTF8.self)
            }
            #expect(email["attachmentSha256"] as? String == (try await sha256(data + "numbers.csv")))
            // The HTML part is the report cut to what an email carries whole; report.xhtml keeps the full lists.
            #expect((email["htmlBytes"] as? Int ?? .max) < 100_000)
            #expect(email["htmlSha256"] as? String != (try await sha256(data + "report.xhtml")))
            #expect((email["text"] as? String)?.contains("FAILED") == true)
        }
    }

    @Test("an uncompressed attachment below the threshold; none above the size cap, with a note")
    func attachmentSizes() async throws {
        try await RunHarness.with { harness in
            let small = try await harness.run(into: harness.outputDirectory + "/small")
            var email = try await OutsideTools.python("check_email.py", [small.snapshotPath! + "/data/report.eml"])
            #expect((email["parts"] as? [String])?.last == "text/csv")
            harness.configuration.email.gzipAttachmentAboveBytes = 0
            harness.configuration.email.maxAttachmentBytes = 100
            let capped = try await harness.run(into: harness.outputDirectory + "/capped")
            email = try await OutsideTools.python("check_email.py", [capped.snapshotPath! + "/data/report.eml"])
            #expect(
                email["parts"] as? [String] == [
                    "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/plain",
                ])
            #expect(email["attachmentSha256"] is NSNull)
            let note = email["lastText"] as? String ?? ""
            #expect(note.hasPrefix("numbers.csv is not attached: gzipped, it would be about "))
            #expect(note.contains("larger than email.maxAttachmentBytes (100 bytes)"))
        }
    }
}

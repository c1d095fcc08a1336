import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// The headline (subject, first lines of the text part, first screen of the report) answers "what cannot send"
/// with the same counts as `numbers.csv`, and the changes since the night before with the two nights' rows.
@Suite("the report's headline")
struct ReportHeadlineTests {
    /// Counts of `numbers.csv`: rows that cannot send, and rows per level.
    private func counts(_ snapshot: String) async throws -> (notReady: Int, levels: [String: Int], total: Int) {
        let records = try await csvRecords(snapshot + "/data/numbers.csv")
        let health = try #require(records[0].firstIndex(of: "health"))
        let ready = try #require(records[0].firstIndex(of: "sms_ready"))
        let rows = records.dropFirst()
        return (
            rows.filter { $0[ready] == "false" }.count,
            Dictionary(grouping: rows, by: { $0[health] }).mapValues(\.count), rows.count
        )
    }

    @Test("counts and changes in the headline equal those of numbers.csv, tonight and the night before")
    func countsFromRows() async throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let first = try await RunHarness.with { harness in
            try #require(
                try await harness.run(clock: Fixtures.clock.addingTimeInterval(-86_400), into: output).snapshotPath)
        }
        let before = try await counts(first)
        // Five numbers that could send yesterday fail on T-Mobile tonight.
        let records = try await csvRecords(first + "/data/numbers.csv")
        let ready = try #require(records[0].firstIndex(of: "sms_ready"))
        let failing = records.dropFirst().filter { $0[ready] == "true" }.prefix(5).map { $0[0] }
        #expect(failing.count == 5)
        let second = try await RunHarness.with(change: { configuration in
            for phone in failing { configuration.changes[phone] = .smsTmoFailed(errorCode: "60135") }
        }) { harness in try #require(try await harness.run(into: output).snapshotPath) }
        let after = try await counts(second)
        #expect(after.notReady == before.notReady + 5)

        let sentence =
            "\(after.notReady) of \(after.total) numbers cannot send SMS "
            + "(\(String(format: "%.1f%%", Double(after.notReady) * 100 / Double(after.total)))), "
            + "+5 since the previous night."
        let levels = HealthLevel.worstFirst.map { level in
            let count = after.levels[level.name] ?? 0
            let change = count - (before.levels[level.name] ?? 0)
            return "\(level.name) \(count) (\(change > 0 ? "+" : "")\(change))"
        }.joined(separator: " · ")
        let report = try String(contentsOfFile: second + "/data/report.xhtml", encoding: .utf8)
        #expect(report.contains(sentence), "\(sentence)")
        #expect(report.contains(levels), "\(levels)")
        #expect(report.contains("Complete: all 3 scopes read to the end."))
        // A problem number's code with the carrier's message beside it; a changed number under its scope's label.
        #expect(report.contains("sms_tmo:FAILED:60135</span> — Injected failure 60135"))
        let phone = NSRegularExpression.escapedPattern(for: failing[0])
        #expect(
            report.range(of: ">\(phone)<(?:(?!</tr>).)*>Scope \\d+<", options: .regularExpression) != nil)
        // The subject, unfolded (RFC 5322: a CRLF before white space is removed).
        let email = try String(contentsOfFile: second + "/data/report.eml", encoding: .utf8)
            .replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: "\t")
        let subject = email.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") } ?? ""
        #expect(subject.contains("\(after.notReady) of \(after.total) cannot send SMS (+5)"), "\(subject)")
    }
}

/// Gmail clips an HTML part over 102 KB: the email's stays under 100 KB whatever the size of the night.
@Suite("an email that arrives whole")
struct EmailSizeTests {
    @Test("2,747 numbers: the HTML part under 100 KB, the 25 worst numbers; report.xhtml keeps the full list")
    func htmlPartSize() async throws {
        var scopes = FakeScope.demo
        for (index, numbers) in [1200, 1000, 547].enumerated() { scopes[index].numbers = numbers }
        try await RunHarness.with(scopes: scopes, pageSizeCap: 1000, pageSize: 1000) { harness in
            harness.configuration.output.xhtmlMaxProblemRows = 1000
            let snapshot = try #require(try await harness.run().snapshotPath)
            let email = try await OutsideTools.python("check_email.py", [snapshot + "/data/report.eml"])
            let html = try #require(email["htmlBytes"] as? Int)
            #expect(html < 100_000, "\(html) bytes")
            // report.xhtml keeps the full list (up to maxProblemRows): far more than an email may carry.
            let report = try Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/report.xhtml"))
            #expect(report.count > 100_000, "\(report.count) bytes")
        }
    }
}

extension EmailSizeTests {
    @Test("50 scopes: the HTML part under 100 KB, the scopes that need a look listed first, a note for the rest")
    func manyScopes() async throws {
        let scopes = (0..<50).map { index in
            FakeScope(
                projectId: FakeScope.demoProjectId, servicePlanId: String(format: "%032x", index + 1),
                campaignId: "CSCOPE\(index)", numbers: 40)
        }
        try await RunHarness.with(scopes: scopes, pageSizeCap: 1000, pageSize: 1000) { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let email = try await OutsideTools.python("check_email.py", [snapshot + "/data/report.eml"])
            let html = try #require(email["htmlBytes"] as? Int)
            #expect(html < 100_000, "\(html) bytes")
            let report = try String(contentsOfFile: snapshot + "/data/report.xhtml", encoding: .utf8)
            #expect(report.contains("id=\"scope-49\""), "report.xhtml lists every scope")
        }
    }
}

/// Bars are table cells with inline background colours, which every mail client draws.
@Suite("bars mail clients draw")
struct ReportBarsTests {
    @Test("recent nights: one stacked bar a night, a cell per level in its colour; no div bars anywhere")
    func stackedBars() async throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let snapshot = try await RunHarness.with { harness in
            _ = try await harness.run(clock: Fixtures.clock.addingTimeInterval(-86_400), into: output)
            return try #require(try await harness.run(into: output).snapshotPath)
        }
        let report = try String(contentsOfFile: snapshot + "/data/report.xhtml", encoding: .utf8)
        #expect(!report.contains("<div style=\"width:"), "no div bars (Outlook drops their width)")
        // Every level of the demo has numbers: a bar cell in each level's own colour.
        let colours = Set(
            report.components(separatedBy: "line-height:12px;background-color:").dropFirst().map { $0.prefix(7) })
        #expect(colours.count == HealthLevel.allCases.count, "\(colours)")
        #expect(report.components(separatedBy: "summary=\"Numbers by level, ").count - 1 == 2, "a bar a night")
        let validation = try await OutsideTools.validateXHTML(snapshot + "/data/report.xhtml")
        #expect(validation.valid, "\(validation.messages.prefix(2000))")
    }
}

/// "What to do" counts numbers by cause; each count is what `numbers.csv` says.
@Suite("what to do")
struct ReportActionsTests {
    /// Reads the actions table of report.xhtml and recounts every cause from numbers.csv; prints mismatches.
    static let recount = #"""
        import csv, sys, xml.etree.ElementTree as ET
        ns = {"h": "http://www.w3.org/1999/xhtml"}
        tree = ET.parse(sys.argv[1])
        table = tree.find(".//h:table[@id='actions']", ns)
        rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
        def reasons(row):
            out, item, escaped = [], "", False
            for ch in row["health_reasons"]:
                if escaped: item += ch; escaped = False
                elif ch == "\\": escaped = True
                elif ch == ";": out.append(item); item = ""
                else: item += ch
            return out + ([item] if item else [])
        checked = 0
        aged_report = {}
        all_listed = "smaller causes" not in open(sys.argv[1], encoding="utf-8").read()
        for tr in table.find("h:tbody", ns):
            td = tr.find("h:td", ns)
            count = int(td.find("h:div[@class='count']", ns).text.split()[0])
            code = td.find("h:span", ns).text
            shown = td.find("h:div[@class='message']", ns)
            message = shown.text if shown is not None else None
            checked += 1
            if code.endswith(" (STALE)") or code.endswith(" (PENDING)"):
                # Stale and pending apart in the report; their sum per code against the rows (72 h may be either).
                code = code.rsplit(" (", 1)[0]
                aged_report[code] = aged_report.get(code, 0) + count
                continue
            channel = code.split(":")[0]
            def matches(row):
                if code not in reasons(row): return False
                return message is None or row.get(channel + "_error_message") == message
            found = sum(1 for row in rows if matches(row))
            if found != count: print(f"{code} {message!r}: report {count}, numbers.csv {found}")
        for code, count in aged_report.items():
            found = sum(1 for row in rows if any(r.startswith(code + ":") and r[len(code) + 1:-1].isdigit() and r.endswith("h") for r in reasons(row)))
            # The table lists the 25 largest causes: one of a stale/pending pair may be among the smaller ones.
            if found != count and not (all_listed is False and count < found):
                print(f"{code} (aged): report {count}, numbers.csv {found}")
        print(f"checked {checked}")
        """#

    @Test("every cause's count in the report equals the rows of numbers.csv with that reason")
    func countsFromRows() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let result = try await runTool([
                "python3", "-c", Self.recount, snapshot + "/data/report.xhtml", snapshot + "/data/numbers.csv",
            ])
            let output = String(decoding: result.output, as: UTF8.self)
            #expect(result.status == 0)
            #expect(output.hasPrefix("checked ") && output != "checked 0\n", "\(output)")
            #expect(!output.contains("report "), "\(output)")
        }
    }
}

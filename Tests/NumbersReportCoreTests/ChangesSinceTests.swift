import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// Changes since the previous night, worst first, in the report, `changes.csv` and `diff`: the analyst sees first
/// the numbers that can no longer send, then new failures, recoveries, added, removed and moved numbers.
@Suite("changes since the previous night")
struct ChangesSinceTests {
    /// (kind, old level, new level, old sms_ready, new sms_ready) → category.
    struct Case: Sendable, CustomTestStringConvertible {
        var kind: SnapshotChange.Kind
        var old: HealthLevel?
        var new: HealthLevel?
        var oldReady: Bool?
        var newReady: Bool?
        var category: SnapshotChange.Category
        var testDescription: String {
            "\(kind.rawValue) \(old?.name ?? "-")(\(oldReady.map(String.init) ?? "?"))→"
                + "\(new?.name ?? "-")(\(newReady.map(String.init) ?? "?")) is \(category.key)"
        }
    }

    static let cases: [Case] = [
        Case(kind: .health, old: .healthy, new: .failed, oldReady: true, newReady: false, category: .cannotSend),
        Case(kind: .health, old: .healthy, new: .pending, oldReady: true, newReady: false, category: .cannotSend),
        Case(kind: .health, old: .review, new: .review, oldReady: true, newReady: false, category: .cannotSend),
        Case(kind: .smsReady, old: .review, new: .review, oldReady: true, newReady: false, category: .cannotSend),
        Case(kind: .health, old: .pending, new: .failed, oldReady: false, newReady: false, category: .failedOrStale),
        Case(kind: .health, old: .failed, new: .stale, oldReady: false, newReady: false, category: .failedOrStale),
        Case(kind: .health, old: .failed, new: .healthy, oldReady: false, newReady: true, category: .recovered),
        Case(kind: .smsReady, old: .review, new: .review, oldReady: false, newReady: true, category: .recovered),
        Case(
            kind: .health, old: .failed, new: .misconfigured, oldReady: false, newReady: false, category: .levelChanged),
        Case(kind: .errorCodes, old: .failed, new: .failed, oldReady: false, newReady: false, category: .errorCodes),
        // A v1 snapshot has no sms_ready: a HEALTHY number is taken to have been ready.
        Case(kind: .health, old: .healthy, new: .failed, oldReady: nil, newReady: false, category: .cannotSend),
        Case(kind: .health, old: .pending, new: .healthy, oldReady: nil, newReady: true, category: .recovered),
        Case(kind: .added, old: nil, new: .failed, oldReady: nil, newReady: false, category: .added),
        Case(kind: .removed, old: .healthy, new: nil, oldReady: true, newReady: nil, category: .removed),
        Case(kind: .moved, old: .healthy, new: .failed, oldReady: true, newReady: false, category: .moved),
        Case(kind: .notFetched, old: .failed, new: nil, oldReady: false, newReady: nil, category: .notFetched),
    ]

    @Test("each change's category, the first that applies, worst first", arguments: cases)
    func category(_ example: Case) {
        let change = SnapshotChange(
            kind: example.kind, projectId: "p", servicePlanId: "s", campaignId: "c", phoneNumber: "+1",
            oldHealth: example.old, newHealth: example.new, oldErrorCodes: [], newErrorCodes: [],
            oldSmsReady: example.oldReady, newSmsReady: example.newReady)
        #expect(change.category == example.category)
    }

    @Test("two nights: report, changes.csv and diff agree, worst first, scopes by name, the new number's health")
    func twoNights() async throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // A fourth scope tonight only: its numbers are removed tonight (scopes' data depend on earlier scopes' sizes:
        // the last one changes, the others stay as they were).
        let retired = FakeScope(
            projectId: FakeScope.demoProjectId, servicePlanId: "plan-retired", campaignId: "CGONE", numbers: 4)
        var scopes = FakeScope.demo
        let first = try await RunHarness.with(scopes: scopes + [retired]) { harness in
            try #require(
                try await harness.run(clock: Fixtures.clock.addingTimeInterval(-86_400), into: output).snapshotPath)
        }
        let records = try await csvRecords(first + "/data/numbers.csv")
        let header = records[0]
        let health = try #require(header.firstIndex(of: "health"))
        let ready = try #require(header.firstIndex(of: "sms_ready"))
        let failing = records.dropFirst().filter { $0[ready] == "true" }.prefix(5).map { $0[0] }
        let recovering = records.dropFirst().filter { $0[health] == "FAILED" }.prefix(3).map { $0[0] }
        #expect(failing.count == 5 && recovering.count == 3)
        scopes[2].numbers += 3  // added
        let second = try await RunHarness.with(
            scopes: scopes,
            change: { configuration in
                for phone in failing { configuration.changes[phone] = .smsTmoFailed(errorCode: "60135") }
                for phone in recovering { configuration.changes[phone] = .recovered }
            }
        ) { harness in try #require(try await harness.run(into: output).snapshotPath) }

        // changes.csv: worst first, every change once.
        let changes = try await csvRecords(second + "/data/changes.csv")
        #expect(changes[0] == SnapshotChange.columnNames)
        let column = { (name: String) in changes[0].firstIndex(of: name)! }
        let rows = changes.dropFirst()
        let order = SnapshotChange.Category.allCases.map(\.key)
        let places = rows.map { order.firstIndex(of: $0[column("change")]) ?? -1 }
        #expect(!places.contains(-1) && places == places.sorted(), "\(rows.map { $0[column("change")] })")
        let byCategory = Dictionary(grouping: rows, by: { $0[column("change")] }).mapValues(\.count)
        #expect(byCategory["cannot_send"] == 5)
        #expect((byCategory["recovered"] ?? 0) >= 3)
        #expect(byCategory["removed"] == 4)
        #expect(byCategory["added"] == 3)
        #expect(Set(rows.filter { $0[column("change")] == "cannot_send" }.map { $0[1] }) == Set(failing))
        // The added numbers with their health tonight; every number under its scope's name.
        for row in rows where row[column("change")] == "added" { #expect(!row[column("new_health")].isEmpty) }
        #expect(rows.allSatisfy { $0[column("scope")].hasPrefix("Scope ") }, "\(rows.map { $0[column("scope")] })")

        // The report: a count a category, equal to changes.csv's, in the same order.
        let report = try String(contentsOfFile: second + "/data/report.xhtml", encoding: .utf8)
        var last = report.startIndex
        for key in order {
            let id = "id=\"change-\(key)\""
            guard let count = byCategory[key] else {
                #expect(!report.contains(id), "\(key)")
                continue
            }
            let range = try #require(report.range(of: id), "\(key)")
            #expect(range.lowerBound > last, "\(key) after the worse ones")
            last = range.lowerBound
            #expect(report[range.upperBound...].hasPrefix(">\(count)<"), "\(key): \(count)")
        }
        #expect(report.contains("Newly unable to send SMS"))
        // The plain-text part lists the changes too.
        let email = try await OutsideTools.python("check_email.py", [second + "/data/report.eml"])
        let text = try #require(email["text"] as? String)
        #expect(text.contains("Changes since ") && text.contains("  - Newly unable to send SMS: 5"), "\(text)")

        // The workbook's Changes sheet: the same rows as changes.csv (openpyxl).
        let script = """
            import json, sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1])["Changes"]
            print(json.dumps([["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row]
                for row in sheet.iter_rows(values_only=True)]))
            """
        let sheet = try await runTool(["python3", "-c", script, second + "/data/problems.xlsx"])
        let sheetRows = try JSONDecoder().decode([[String]].self, from: sheet.output)
        #expect(sheetRows == changes, "the Changes sheet holds changes.csv")

        // diff: the same rows as changes.csv, scopes by name in its table.
        let csv = try await ToolProcess.run(["diff", first, second, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        let written = try String(contentsOfFile: second + "/data/changes.csv", encoding: .utf8)
        #expect(csv.standardOutput == written.replacingOccurrences(of: "\u{FEFF}", with: ""))
        let table = try await ToolProcess.run(["diff", first, second])
        #expect(table.standardOutput.contains("Scope 1"), "\(table.standardOutput.prefix(600))")
        #expect(table.standardOutput.contains("Scope 3"), "a scope configured the night before only, by its name")
        #expect(table.standardOutput.contains("5 newly unable to send sms"), "\(table.standardOutput.suffix(300))")
    }
}

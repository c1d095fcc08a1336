import Foundation
import NumbersReportCore
import ReportWriters
import Testing

/// `problems.xlsx` and what it is made of: the zip writer, the workbook writer, and the night's workbook
/// as openpyxl and LibreOffice read it (CI installs both: `scripts/bootstrap --test`).
@Suite("WorkbookTests")
struct WorkbookTests {
    private static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let sink = MemorySink()
        let zip = ZipWriter(downstream: sink)
        for (name, bytes) in entries { try zip.add(name, bytes) }
        try zip.close()
        return sink.bytes
    }

    /// What `script` (Python, given the path of a file holding `bytes`) prints as JSON.
    private static func readByPython(_ bytes: [UInt8], _ script: String) async throws -> Any {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/book.xlsx"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try await runTool(["python3", "-c", script, path], captureErrors: true)
        return try #require(
            try? JSONSerialization.jsonObject(with: result.output), "\(String(decoding: result.output, as: UTF8.self))")
    }

    @Test("the zip writer gives the same bytes twice, and Python's zipfile and unzip -t read them back whole")
    func zipWriter() async throws {
        let entries: [(String, [UInt8])] = [
            ("a.txt", Array(String(repeating: "+12065550100,FAILED\r\n", count: 5000).utf8)),
            ("dir/b.bin", (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
            ("empty", []),
        ]
        let bytes = try Self.zip(entries)
        #expect(try Self.zip(entries) == bytes)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/test.zip"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let script = """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                print(json.dumps({"bad": z.testzip(), "names": z.namelist(),
                    "sizes": [len(z.read(n)) for n in z.namelist()],
                    "times": sorted({str(i.date_time) for i in z.infolist()}),
                    "head": z.read("a.txt")[:21].decode()}))
            """
        let result = try await runTool(["python3", "-c", script, path], captureErrors: true)
        let json = try #require(
            try JSONSerialization.jsonObject(with: result.output) as? [String: Any],
            "\(String(decoding: result.output, as: UTF8.self))")
        #expect(json["bad"] is NSNull)
        #expect(json["names"] as? [String] == ["a.txt", "dir/b.bin", "empty"])
        #expect(json["sizes"] as? [Int] == entries.map(\.1.count))
        #expect(json["times"] as? [String] == ["(1980, 1, 1, 0, 0, 0)"])
        #expect(json["head"] as? String == "+12065550100,FAILED\r\n")
        let unzip = try await runTool(["unzip", "-t", path], captureErrors: true)
        #expect(unzip.status == 0, "\(String(decoding: unzip.output, as: UTF8.self))")
    }

    @Test("a table longer than a sheet goes on over sheets named (2), (3)…, each with its header, and a note says so")
    func split() async throws {
        let sink = MemorySink()
        let workbook = WorkbookWriter(downstream: sink, maximumRowsPerSheet: 3)
        try workbook.beginTable(
            "Problems",
            columns: [WorkbookColumn("phone_number"), WorkbookColumn("at", .date), WorkbookColumn("ok", .boolean)])
        for index in 0..<5 {
            try workbook.appendRow([
                .text("+1206555010\(index)"), .date(secondsSince1970: 1_795_000_000.123456 + Double(index)),
                .boolean(index % 2 == 0),
            ])
        }
        try workbook.close()
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps({name: [[v if isinstance(v, (str, bool)) or v is None else v.isoformat()
                for v in row] for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}))
            """
        let sheets = try #require(try await Self.readByPython(sink.bytes, script) as? [String: [[Any]]])
        #expect(sheets.keys.sorted() == ["Notes", "Problems", "Problems (2)", "Problems (3)"])
        #expect(sheets["Problems (2)"]?.first as? [String] == ["phone_number", "at", "ok"])
        let phones = ["Problems", "Problems (2)", "Problems (3)"].flatMap { sheets[$0]?.dropFirst() ?? [] }
            .map { $0.first as? String }
        #expect(phones == (0..<5).map { "+1206555010\($0)" })
        #expect(sheets["Problems (3)"]?.last?[2] as? Bool == true)
        #expect((sheets["Problems"]?[1][1] as? String)?.hasPrefix("2026-11-18T") == true)
        #expect((sheets["Notes"]?[1].first as? String)?.contains("Problems (2)") == true)
    }

    @Test(
        "rows encoded ahead (SheetRows) and copied in pieces give the bytes of rows appended one by one, over sheets",
        arguments: [1, 7, 13, 1 << 20], CellReferences.allCases)
    func encodedRows(pieceSize: Int, references: CellReferences) throws {
        let columns = [WorkbookColumn("text"), WorkbookColumn("at", .date), WorkbookColumn("n", .number)]
        // Control characters (the markers' own bytes among them) in texts, an empty row, a table over 3 sheets.
        var rows: [[WorkbookCell]] = Self.hostileTexts.enumerated().map { index, text in
            [.text(text.sent), .date(secondsSince1970: 1_795_000_000 + Double(index)), .number(Double(index))]
        }
        rows += [[.empty, .empty, .empty], [.text("\u{00}\u{01}\u{02}"), .empty, .boolean(true)], [.text("last")]]
        func book(_ fill: (WorkbookWriter) throws -> Void) throws -> [UInt8] {
            let sink = MemorySink()
            let workbook = WorkbookWriter(downstream: sink, maximumRowsPerSheet: 5, cellReferences: references)
            try workbook.beginTable("Problems", columns: columns)
            try fill(workbook)
            try workbook.beginTable("After", columns: [WorkbookColumn("x")])
            try workbook.appendRow([.text("y")])
            try workbook.close()
            return sink.bytes
        }
        let appended = try book { workbook in for row in rows { try workbook.appendRow(row) } }
        let copied = try book { workbook in
            var encoded: [UInt8] = []
            let sheetRows = SheetRows(columnCount: columns.count, cellReferences: references)
            for row in rows { sheetRows.append(row, to: &encoded) }
            for start in stride(from: 0, to: encoded.count, by: pieceSize) {
                try encoded[start..<min(start + pieceSize, encoded.count)].withUnsafeBytes {
                    try workbook.appendRows($0)
                }
            }
        }
        #expect(copied == appended)
    }

    /// Texts as the API may send them, and what a spreadsheet must show of each.
    static let hostileTexts: [(sent: String, shown: String)] = [
        ("a & b < c > d \"e\" 'f'", "a & b < c > d \"e\" 'f'"),
        ("line one\r\nline two\ttab", "line one\r\nline two\ttab"),
        ("  padded  ", "  padded  "),
        ("bidi \u{202E}reversed\u{202C}", "bidi [U+202E]reversed[U+202C]"),
        ("control \u{01} and \u{FFFE}", "control \u{FFFD} and \u{FFFD}"),
        ("accents é ü, emoji 📵, CJK 号码", "accents é ü, emoji 📵, CJK 号码"),
        ("]]> <![CDATA[ &amp;", "]]> <![CDATA[ &amp;"),
    ]

    @Test("cells hold any text as sent (escaped, made XML-safe, bidi controls shown), and an empty row stays a row")
    func hostileTexts() async throws {
        let sink = MemorySink()
        let workbook = WorkbookWriter(downstream: sink)
        try workbook.beginTable("Problems", columns: [WorkbookColumn("text"), WorkbookColumn("n", .number)])
        for (index, text) in Self.hostileTexts.enumerated() {
            try workbook.appendRow([.text(text.sent), .number(Double(index))])
        }
        try workbook.appendRow([.empty, .empty])
        try workbook.appendRow([.text(String(repeating: "x", count: 40_000)), .number(-1.5)])
        try workbook.close()
        let script = """
            import json, sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1])["Problems"]
            print(json.dumps([list(row) for row in sheet.iter_rows(values_only=True)], ensure_ascii=False))
            """
        let rows = try #require(try await Self.readByPython(sink.bytes, script) as? [[Any]])
        try #require(rows.count == Self.hostileTexts.count + 3)
        #expect(rows[0] as? [String] == ["text", "n"])
        for (index, text) in Self.hostileTexts.enumerated() {
            #expect(rows[index + 1][0] as? String == text.shown, "row \(index + 1)")
            #expect(rows[index + 1][1] as? Double == Double(index))
        }
        #expect(rows[Self.hostileTexts.count + 1].allSatisfy { $0 is NSNull })
        let long = try #require(rows.last?.first as? String)
        #expect(long.utf16.count == WorkbookCell.maximumTextLength && long.hasSuffix(WorkbookCell.truncationMarker))
        #expect(rows.last?.last as? Double == -1.5)
    }

    @Test(
        "problems.xlsx: numbers.csv's rows not HEALTHY, typed, in openpyxl and LibreOffice, either cellReferences",
        arguments: [nil, .afterGaps] as [CellReferences?])
    func nightWorkbook(references: CellReferences?) async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.xlsxCellReferences = references
            let snapshot = try #require(try await harness.run().snapshotPath)
            let workbook = snapshot + "/data/problems.xlsx"
            // The Problems sheet's cells, and those that name their place.
            let script = """
                import json, sys, zipfile
                sheet = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml")
                print(json.dumps([sheet.count(b"<c "), sheet.count(b"<c r=")]))
                """
            let places = try #require(
                try await Self.readByPython(Array(try Data(contentsOf: URL(fileURLWithPath: workbook))), script)
                    as? [Int])
            #expect(places[0] > 1000)
            if references == .afterGaps {
                #expect(places[1] < places[0] / 2, "\(places)")
            } else {
                #expect(places[1] == places[0], "\(places)")
            }
            let rendered = try expectRenderReproduces(snapshot, into: harness.outputDirectory + "/rendered")
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: rendered + "/data/problems.xlsx"))
                    == (try Data(contentsOf: URL(fileURLWithPath: workbook))))
            let csv = snapshot + "/data/numbers.csv"
            let read = try await OutsideTools.python("check_workbook.py", ["openpyxl", workbook, csv])
            #expect((read["mismatches"] as? [Any])?.isEmpty == true, "\(read)")
            let rows = try #require(read["rows"] as? Int)
            #expect(rows > 0 && rows == read["expectedRows"] as? Int)
            #expect((read["sheets"] as? [String])?.prefix(3) == ["Problems", "Changes", "Glossary"])
            #expect(read["freeze"] as? String == "A2")
            #expect((read["filter"] as? String)?.hasPrefix("A1:") == true)
            let types = try #require(read["types"] as? [String: [String]])
            #expect(types["phone_number"] == ["str"])
            #expect(types["sms_ready"] == ["bool"])
            #expect(types["snapshot_time"] == ["datetime"])
            #expect(types["pending_since"] == ["datetime"])
            #expect((read["glossaryRows"] as? Int ?? 0) > 10)
            #expect((read["changesHeader"] as? [String])?.first == "change")
            #expect(BagVerifier().verify(snapshot: snapshot).isEmpty)
            let email = try String(contentsOfFile: snapshot + "/data/report.eml", encoding: .utf8)
            #expect(email.contains("attachment; filename=\"problems.xlsx\""))

            // LibreOffice, once (it is slow): the Problems sheet as CSV, with a private profile.
            let converted = harness.outputDirectory + "/converted"
            let profile = "file://" + harness.outputDirectory + "/soffice-profile"
            let soffice = try await runTool(
                [
                    "soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", converted, workbook,
                ], captureErrors: true)
            #expect(soffice.status == 0, "\(String(decoding: soffice.output, as: UTF8.self))")
            let office = try await OutsideTools.python(
                "check_workbook.py", ["csv", converted + "/problems.csv", csv])
            #expect((office["mismatches"] as? [Any])?.isEmpty == true, "\(office)")
            #expect(office["rows"] as? Int == rows)
        }
    }

    @Test("output.xlsx.cellReferences: every (the default) or afterGaps; anything else is refused, naming the key")
    func cellReferencesSetting() throws {
        let scopes = "scopes: [{ projectId: p, servicePlanId: s, campaignId: c }]\n"
        func parse(_ output: String) throws -> OutputSettings {
            try ReportConfiguration.parse(yaml: scopes + output, file: "x.yaml", relativeTo: "/").output
        }
        #expect(try parse("").effectiveXLSXCellReferences == .every)
        #expect(try parse("output: { xlsx: { cellReferences: every } }\n").xlsxCellReferences == .every)
        #expect(
            try parse("output: { xlsx: { cellReferences: afterGaps } }\n").effectiveXLSXCellReferences == .afterGaps)
        #expect {
            try parse("output: { xlsx: { cellReferences: none } }\n")
        } throws: { "\($0)".contains("output.xlsx.cellReferences") && "\($0)".contains("every, afterGaps") }
        #expect {
            try parse("output: { xlsx: { cellRefs: every } }\n")
        } throws: { "\($0)".contains("output.xlsx") && "\($0)".contains("cellRefs") }
    }
}

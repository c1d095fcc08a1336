import ReportWriters
import Testing

@Suite("CSV encoding (RFC 4180, Excel guard)")
struct CSVEncoderTests {
    private func encode(_ cells: [Cell], excelSafe: Bool = true) -> String {
        var bytes: [UInt8] = []
        CSVEncoder(excelSafe: excelSafe).appendRecord(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("quotes fields holding quotes, commas, CR or LF, doubling inner quotes; CRLF ends the record")
    func quoting() {
        #expect(
            encode([.text("plain"), .text("a,b"), .text("say \"hi\""), .text("two\nlines"), .text("cr\rhere")])
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n")
    }

    @Test("absent is an empty cell; integers, booleans and lists are written plainly")
    func types() {
        #expect(
            encode([.absent, .integer(-3), .boolean(true), .boolean(false), .list([.integer(1), .text("b")])])
                == ",-3,true,false,1;b\r\n")
        #expect(encode([.list([])]) == "\r\n")
    }

    @Test(
        "guards cells a spreadsheet would run as formulas",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+1+1", "'+1+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tindent", "'\tindent"),
            ("\rreturn", "\"'\rreturn\""),
        ])
    func formulaGuard(input: String, expected: String) {
        #expect(encode([.text(input)]) == expected + "\r\n")
        #expect(!encode([.text(input)], excelSafe: false).contains("'"))
    }

    @Test(
        "a valid E.164 number is left as it is; other + text is guarded",
        arguments: [
            ("+12065550100", false), ("+1", true), ("+0123456789", true), ("+1206555010012345", true), ("+1 206", true),
        ])
    func phoneNumbers(text: String, guarded: Bool) {
        #expect(CSVEncoder.isE164(text) == !guarded)
        #expect(encode([.text(text)]).hasPrefix("'") == guarded)
    }

    @Test("the guard also applies inside list cells")
    func guardedList() {
        #expect(encode([.list([.text("=1"), .text("x")])]) == "'=1;x\r\n")
    }

    @Test("the header is never guarded, and the BOM is EF BB BF")
    func header() {
        var bytes: [UInt8] = []
        CSVEncoder().appendHeader(["-a", "b,c"], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "-a,\"b,c\"\r\n")
        #expect(CSVEncoder.byteOrderMark == [0xEF, 0xBB, 0xBF])
    }

    @Test("non-ASCII text (RTL override, emoji) passes through as UTF-8")
    func unicode() {
        #expect(encode([.text("\u{202E}evil 😀 𝒳")]) == "\u{202E}evil 😀 𝒳\r\n")
    }
}

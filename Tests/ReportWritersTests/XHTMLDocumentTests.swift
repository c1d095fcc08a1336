import ReportWriters
import Testing

@Suite("XHTML through libxml2")
struct XHTMLDocumentTests {
    static let template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><title id="t">x</title></head>
        <body><div id="slot"></div></body></html>
        """

    private func render(_ fill: (XHTMLElement) -> Void) throws -> String {
        let document = try XHTMLDocument(template: Array(Self.template.utf8), name: "test")
        fill(try document.element(id: "slot"))
        return String(decoding: document.serialized(), as: UTF8.self)
    }

    @Test("text is escaped by libxml2, never parsed as markup")
    func textIsText() throws {
        let output = try render { $0.append("p", text: "<script>alert(1)</script> & ]]> \"q\"") }
        #expect(output.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; \"q\"</p>"))
        #expect(!output.contains("<script"))
    }

    @Test("attribute values are escaped too")
    func attributes() throws {
        let output = try render { $0.append("span", ["title": "a\" onmouseover=\"x()"], text: "t") }
        #expect(output.contains("title=\"a&quot; onmouseover=&quot;x()\""))
    }

    @Test("the output keeps the XML declaration, the DOCTYPE and the namespace; new elements are in it")
    func declaration() throws {
        let output = try render { $0.append("p", text: "é 😀") }
        #expect(output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC"))
        #expect(output.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(output.contains("<p>é 😀</p>"))
    }

    @Test("characters XML forbids become U+FFFD; bidi controls become visible")
    func safeText() throws {
        let output = try render { $0.append("p", text: "a\u{1B}b\u{07}c\u{0}d \u{202E}gpj.exe \u{2066}x\u{2069}") }
        #expect(output.contains("<p>a\u{FFFD}b\u{FFFD}c\u{FFFD}d [U+202E]gpj.exe [U+2066]x[U+2069]</p>"))
        #expect(SafeText.clean("plain") == "plain")
    }

    @Test(
        "links only for http and https URLs",
        arguments: [
            ("https://hooks.example.com/a?b=1&c=2", true), ("HTTP://Example.com", true), ("javascript:alert(1)", false),
            ("JaVaScRiPt:alert(1)", false), ("data:text/html,<b>x</b>", false), ("https://", false),
            ("https:///x", false), ("http://a b", false), ("https://x/\u{202E}y", false), ("//evil.example", false),
            ("", false),
        ])
    func links(url: String, linked: Bool) throws {
        #expect(SafeText.isWebURL(url) == linked)
        let output = try render { $0.appendLink(url, style: "color:blue") }
        #expect(output.contains("<a ") == linked)
    }

    @Test("templates that are not well-formed, not <html>, or declare entities are refused")
    func badTemplates() {
        #expect(throws: XHTMLError.self) { try XHTMLDocument(template: Array("<html><p></html>".utf8), name: "a") }
        #expect(throws: XHTMLError.self) { try XHTMLDocument(template: Array("<div/>".utf8), name: "b") }
        #expect(throws: XHTMLError.self) { try XHTMLDocument(template: [], name: "c") }
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <html><body>&x;</body></html>
            """
        do {
            _ = try XHTMLDocument(template: Array(xxe.utf8), name: "xxe.xhtml")
            Issue.record("an entity declaration was accepted")
        } catch let error as XHTMLError {
            #expect(error.description.contains("xxe.xhtml"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("a missing slot is an error naming it")
    func missingSlot() throws {
        let document = try XHTMLDocument(template: Array(Self.template.utf8), name: "mine.xhtml")
        #expect(throws: XHTMLError(template: "mine.xhtml", problem: "no element with id=\"nope\"")) {
            try document.element(id: "nope")
        }
    }
}

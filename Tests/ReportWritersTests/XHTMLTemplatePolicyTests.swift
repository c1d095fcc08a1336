import ReportWriters
import Testing

/// A custom template goes into every night's email: anything active or anything that reaches out when the
/// email is opened is refused, naming the line; the DOCTYPE is always XHTML 1.0 Strict's.
@Suite("report templates are inert")
struct XHTMLTemplatePolicyTests {
    private static func template(head: String = "", body: String, doctype: String? = nil) -> [UInt8] {
        let declaration =
            doctype
            ?? #"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">"#
        return Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            \(declaration)
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><title id="t">x</title>\(head)</head>
            <body>
            \(body)
            </body></html>
            """.utf8)
    }

    @Test(
        "hostile templates are refused, naming the line and what is wrong",
        arguments: [
            ("", "<script>alert(1)</script>", "line 5: <script> is not allowed"),
            ("", #"<div onclick="x()">a</div>"#, "line 5: the event attribute onclick of <div>"),
            (
                "", #"<p><img src="https://cdn.example.com/x.png" onerror="x()" alt="" /></p>"#,
                "the event attribute onerror of <img>"
            ),
            ("", #"<p><a href="javascript:alert(1)">a</a></p>"#, "only http(s) URLs"),
            ("", #"<p><img src="data:image/png;base64,AAAA" alt="" /></p>"#, "only http(s) URLs"),
            ("", #"<iframe src="https://evil.example/"></iframe>"#, "<iframe> is not allowed"),
            ("", #"<form action="https://evil.example/"><p>x</p></form>"#, "<form> is not allowed"),
            ("", #"<div style="background:url(https://evil.example/pixel.png)">a</div>"#, "uses url("),
            ("", #"<div style="width:expression(alert(1))">a</div>"#, "uses expression("),
            ("<style>@import 'https://evil.example/x.css';</style>", "<p>x</p>", "the <style> element uses @import"),
            ("<style>p { background: \\75rl(x) }</style>", "<p>x</p>", "CSS escape"),
            (#"<meta http-equiv="refresh" content="0;url=https://evil.example/" />"#, "<p>x</p>", "refresh"),
            (#"<link rel="stylesheet" href="https://evil.example/x.css" />"#, "<p>x</p>", "<link> is not allowed"),
            (#"<base href="https://evil.example/" />"#, "<p>x</p>", "<base> is not allowed"),
            ("", #"<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>"#, "namespace"),
            ("", #"<p xmlns:x="http://www.w3.org/1999/xlink" x:href="https://e.example/">a</p>"#, "x:href"),
            ("", #"<?xml-stylesheet href="https://evil.example/x.xsl"?><p>x</p>"#, "processing instruction"),
            ("", #"<div style="background:url&lpar;https://evil.example/x)">a</div>"#, "the entity reference &lpar;"),
            ("", #"<p><a href="&NewLine;javascript&colon;alert(1)">a</a></p>"#, "the entity reference &NewLine;"),
            ("", "<p>&nbsp;x</p>", "the entity reference &nbsp;"),
            ("", #"<p STYLE="background:url(https://evil.example/x)">a</p>"#, "uses url("),
            ("", #"<p><a HREF="javascript:alert(1)">a</a></p>"#, "only http(s) URLs"),
            (#"<meta HTTP-EQUIV="refresh" content="0;url=https://evil.example/" />"#, "<p>x</p>", "refresh"),
            (
                "<style>p { background: im<![CDATA[age-set(]]>'https://evil.example/x' 1x) }</style>", "<p>x</p>",
                "image-set("
            ),
            ("<style>@im<![CDATA[port]]> 'https://evil.example/x.css';</style>", "<p>x</p>", "@import"),
        ])
    func refused(head: String, body: String, expected: String) {
        do {
            _ = try XHTMLDocument(template: Self.template(head: head, body: body), name: "custom.xhtml")
            Issue.record("accepted: \(body)")
        } catch {
            #expect("\(error)".hasPrefix("report template custom.xhtml: "), "\(error)")
            #expect("\(error)".contains(expected), "\(error)")
        }
    }

    @Test("an ordinary restyled template passes: styles, links, a logo over https, mailto")
    func ordinaryTemplate() throws {
        let body = """
            <h1 style="color:#123456;font-family:Georgia,serif">Numbers</h1>
            <p><img src="https://cdn.example.com/logo.png" alt="logo" width="80" /></p>
            <p><a href="https://intranet.example.com/compliance">policy</a> · <a href="mailto:noc@example.com">noc</a>
            · <a href="#t">top</a></p><div id="slot"></div>
            """
        let document = try XHTMLDocument(
            template: Self.template(head: "<style>p { margin: 0 }</style>", body: body), name: "custom.xhtml")
        _ = try document.element(id: "slot")
    }

    @Test("the template's own DOCTYPE never reaches the report: it is always XHTML 1.0 Strict's")
    func doctypeReplaced() throws {
        for doctype in [
            #"<!DOCTYPE html SYSTEM "https://evil.example/tracker.dtd">"#, "<!DOCTYPE html>", "",
        ] {
            let document = try XHTMLDocument(
                template: Self.template(body: "<p>x</p>", doctype: doctype), name: "custom.xhtml")
            let output = String(decoding: document.serialized(), as: UTF8.self)
            #expect(
                output.contains(
                    #"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">"#
                ), "\(doctype)")
            #expect(!output.contains("evil.example"))
        }
    }
}

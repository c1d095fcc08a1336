import Foundation
import ReportWriters
import Testing

@Suite("NDJSON encoding")
struct NDJSONEncoderTests {
    private func encode(_ keys: [String], _ cells: [Cell]) -> String {
        var bytes: [UInt8] = []
        NDJSONEncoder(keys: keys).appendRecord(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("keys in the given order, null for absent, JSON types, arrays, one line")
    func typesAndOrder() {
        let line = encode(
            ["z", "a", "n", "b", "l", "e"],
            [.text("x"), .absent, .integer(42), .boolean(false), .list([.integer(1001), .text("10x")]), .list([])])
        #expect(line == "{\"z\":\"x\",\"a\":null,\"n\":42,\"b\":false,\"l\":[1001,\"10x\"],\"e\":[]}\n")
    }

    @Test(
        "a body given as bytes is written as the same string a String of it would be",
        arguments: [
            Array("{\"a\":\"b\\\\c\"}\n\t".utf8), Array("caf\u{E9} \u{2028} 😀".utf8), [0x41, 0xFF, 0xC3, 0x22, 0x0A],
            [], Array(String(repeating: "ab\"\\\n", count: 5_000).utf8),
            Array((String(repeating: "\"", count: 8_190) + "\u{2029}\u{2028}😀\u{1}").utf8),
        ] as [[UInt8]])
    func bodyBytes(body: [UInt8]) throws {
        var fromBytes: [UInt8] = []
        NDJSONEncoder(keys: ["page", "body"]).appendRecord([.integer(3)], lastText: body, to: &fromBytes)
        let fromString = encode(["page", "body"], [.integer(3), .text(String(decoding: body, as: UTF8.self))])
        #expect(String(decoding: fromBytes, as: UTF8.self) == fromString)
        let object = try JSONSerialization.jsonObject(with: Data(fromBytes)) as? [String: Any]
        #expect(object?["body"] as? String == String(decoding: body, as: UTF8.self))
    }

    @Test("strings are escaped so that every line parses back to the same text")
    func escaping() throws {
        let hostile =
            "quote \" backslash \\ nl \n cr \r tab \t nul \u{0} bell \u{7} del \u{7F} ls \u{2028} ps \u{2029} 😀 ]]> </script>"
        let line = encode(["k"], [.text(hostile)])
        #expect(line.hasSuffix("}\n"))
        #expect(!line.dropLast().contains("\n"))
        #expect(line.contains("\\u2028") && line.contains("\\u0000") && line.contains("\\u007f"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(object?["k"] == hostile)
    }

    /// The escaping the encoder promises, one scalar at a time, written plainly.
    private static func expectedLiteral(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\u{2028}": literal += "\\u2028"
            case "\u{2029}": literal += "\\u2029"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                literal += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }

    @Test(
        "every character that needs escaping is escaped wherever it stands among plain bytes",
        arguments: (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + [
            "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "€", "é", "\u{85}", "😀",
        ])
    func escapedAtEveryPlace(special: String) {
        for place in 0...20 {
            let text = String(repeating: "a", count: place) + special + String(repeating: "b", count: 20 - place)
            var bytes: [UInt8] = []
            NDJSONEncoder.appendString(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.expectedLiteral(text), "at \(place)")
        }
    }
}

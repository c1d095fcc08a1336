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
}

/// Encodes records as JSON objects, one a line: keys in the order given, `null` for absent,
/// integers and booleans as JSON types, lists as arrays, strings escaped per RFC 8259.
public struct NDJSONEncoder: Sendable {
    /// The encoded `"key":` of each column, computed once.
    private let keyPrefixes: [[UInt8]]

    /// - Parameter keys: the column names, in output order.
    public init(keys: [String]) {
        keyPrefixes = keys.enumerated().map { index, key in
            var bytes: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
            Self.appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            return bytes
        }
    }

    /// Appends one object and its `\n`. `cells` has one cell per key.
    public func appendRecord(_ cells: [Cell], to output: inout [UInt8]) {
        precondition(cells.count == keyPrefixes.count, "one cell per key")
        for (index, cell) in cells.enumerated() {
            output.append(contentsOf: keyPrefixes[index])
            Self.appendValue(cell, to: &output)
        }
        if cells.isEmpty { output.append(UInt8(ascii: "{")) }
        output.append(UInt8(ascii: "}"))
        output.append(UInt8(ascii: "\n"))
    }

    static func appendValue(_ cell: Cell, to output: inout [UInt8]) {
        switch cell {
        case .absent:
            output.append(contentsOf: "null".utf8)
        case .text(let text):
            appendString(text, to: &output)
        case .integer(let value):
            output.append(contentsOf: String(value).utf8)
        case .boolean(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .list(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendValue(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string literal: `"`, `\` and control characters escaped; U+2028 and U+2029 escaped too,
    /// so that a line can be embedded in JavaScript; everything else as UTF-8.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            func flush(upTo end: Int) {
                if end > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
            }
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0x7F, byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 (E2 80 A8/A9) are escaped; other E2 sequences pass.
                    guard index + 2 < count, bytes[index + 1] == 0x80,
                        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                    else {
                        index += 1
                        continue
                    }
                    flush(upTo: index)
                    output.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    start = index
                    continue
                }
                flush(upTo: index)
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    output.append(contentsOf: [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    ])
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                }
                index += 1
                start = index
            }
            flush(upTo: count)
        }
        output.append(UInt8(ascii: "\""))
    }
}

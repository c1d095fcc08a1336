extension SafeText {
    /// `text` made fit for one human-facing line: a log line, a terminal, a table cell.
    ///
    /// Line breaks, escape codes and every other control character (C0, DEL, C1, U+2028, U+2029) are
    /// written as visible escapes (`\n`, `\r`, `\t`, `\u{1B}`), so that text from the API or from files
    /// can neither forge a log line nor move the cursor; bidirectional controls become `[U+202E]`. Text
    /// longer than `limit` characters is cut, saying how much was left out.
    public static func line(_ text: String, limit: Int = 2_000) -> String {
        if text.utf8.count <= limit, isPlainLine(text) { return text }
        var output = String.UnicodeScalarView()
        var count = 0
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if count >= limit {
                var rest = 1
                while scalars.next() != nil { rest += 1 }
                output.append(contentsOf: "… (\(rest) more characters)".unicodeScalars)
                break
            }
            count += 1
            switch scalar.value {
            case 0x0A: output.append(contentsOf: "\\n".unicodeScalars)
            case 0x0D: output.append(contentsOf: "\\r".unicodeScalars)
            case 0x09: output.append(contentsOf: "\\t".unicodeScalars)
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF:
                output.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default:
                if isBidiControl(scalar) {
                    output.append(contentsOf: "[U+\(hex(scalar.value))]".unicodeScalars)
                } else {
                    output.append(scalar)
                }
            }
        }
        return String(output)
    }

    /// Whether `line(_:)` would change `text` (shorter than its limit): a cheap test for the common case.
    public static func isPlainLine(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029 || isBidiControl(scalar)
        }
    }
}

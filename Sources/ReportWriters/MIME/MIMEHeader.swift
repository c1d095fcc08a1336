/// Header lines of an Internet message (RFC 5322), with RFC 2047 encoded words for non-ASCII text.
public enum MIMEHeader {
    /// `Name: value` with CRLF, the value folded before 78 columns. Non-ASCII or unsafe text becomes
    /// `=?UTF-8?B?…?=` words. CR and LF in `value` can never start a new header.
    public static func line(_ name: String, _ value: String) -> [UInt8] {
        fold(name, needsEncoding(value) ? encodedWords(value) : value.split(separator: " ").map(String.init))
    }

    /// A structured header (addresses, `Content-Type`, `Date`, `Message-ID`): folded at spaces, never
    /// encoded. Characters outside printable ASCII (CR and LF among them) are replaced by `?`.
    public static func structuredLine(_ name: String, _ value: String) -> [UInt8] {
        let printable = String(value.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
        return fold(name, printable.split(separator: " ").map(String.init))
    }

    private static func fold(_ name: String, _ words: [String]) -> [UInt8] {
        var output = Array("\(name):".utf8)
        var column = output.count
        for word in words {
            let bytes = Array(word.utf8)
            if column + 1 + bytes.count > 76, column > name.utf8.count + 1 {
                output.append(contentsOf: [13, 10])
                column = 0
            }
            output.append(UInt8(ascii: " "))
            output.append(contentsOf: bytes)
            column += 1 + bytes.count
        }
        output.append(contentsOf: [13, 10])
        return output
    }

    /// Whether a header value must be encoded: non-ASCII, controls, or words too long to fold.
    static func needsEncoding(_ value: String) -> Bool {
        value.utf8.contains { $0 >= 0x7F || $0 < 0x20 } || value.contains("=?")
            || value.split(separator: " ").contains { $0.utf8.count > 70 }
    }

    /// RFC 2047 `B` words of at most 75 characters each, split on character boundaries.
    static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {  // 45 bytes → 60 base64 characters + 12 of wrapping
                words.append(word(chunk))
                chunk.removeAll()
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        let base64 = Base64LineEncoder.encode(bytes).filter { $0 != 13 && $0 != 10 }
        return "=?UTF-8?B?" + String(decoding: base64, as: UTF8.self) + "?="
    }
}

/// A minimal streaming JSON writer straight to UTF-8 bytes, with correct string escaping.
///
/// Commas are inserted automatically: every value or key written after a sibling gets one. Keys are
/// `StaticString`s and must be plain ASCII without characters that need escaping.
struct FakeJSONWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8]
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        Self.appendEscaped(value, to: &bytes)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// A timestamp string in the API's format (see ``FakeTimestamp``).
    mutating func timestamp(micros: Int64) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        FakeTimestamp.append(micros: micros, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        int(value)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    /// Appends bytes that already form one complete JSON value (e.g. a cached record).
    mutating func raw<Bytes: Sequence>(_ json: Bytes) where Bytes.Element == UInt8 {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
    }

    /// Appends `value` as a quoted JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or
    /// `\u00XX`, U+2028/U+2029 as `\u2028`/`\u2029` (safe for JavaScript consumers); everything else as raw UTF-8.
    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Fast path: nothing to escape (no control, quote, backslash or 0xE2 lead byte of U+2028/2029).
        let clean = value.utf8.withContiguousStorageIfAvailable { buffer in
            !buffer.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
        }
        if clean == true {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let buffer = Array(value.utf8)
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                appendUnicodeEscape(UInt16(byte), to: &bytes)
            case 0xE2
            where index + 2 < buffer.count && buffer[index + 1] == 0x80
                && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9):
                appendUnicodeEscape(buffer[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
                index += 2
            default:
                bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}

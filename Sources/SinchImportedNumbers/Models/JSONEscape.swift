/// The parts of JSON's `\uXXXX` escapes that every JSON scanner of the package (the fast page decoder, the
/// duplicate-member scanner, the workbook's row scanner) decodes the same way.
package enum JSONEscape {
    /// The value of four hexadecimal digits; `nil` when `digits` are not exactly that.
    package static func hex4(_ digits: some Collection<UInt8>) -> UInt32? {
        guard digits.count == 4 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            value <<= 4
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value |= UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value |= UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value |= UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return value
    }

    /// Whether `value` is the high half of a surrogate pair.
    package static func isHighSurrogate(_ value: UInt32) -> Bool { (0xD800...0xDBFF).contains(value) }

    /// The scalar value of a surrogate pair; `nil` when `low` is not a low half.
    package static func scalarValue(high: UInt32, low: UInt32) -> UInt32? {
        guard (0xDC00...0xDFFF).contains(low) else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }
}

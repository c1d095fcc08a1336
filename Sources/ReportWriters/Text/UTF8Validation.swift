/// Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF), checked in one pass without making a `String`: ASCII eight bytes at a time.
public enum UTF8Validation {
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            while index + 8 <= count,
                UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            func isContinuation(_ offset: Int) -> Bool { base[index + offset] & 0xC0 == 0x80 }
            switch lead {
            case 0xC2...0xDF:
                guard index + 1 < count, isContinuation(1) else { return false }
                index += 2
            case 0xE0...0xEF:
                guard index + 2 < count, isContinuation(1), isContinuation(2) else { return false }
                let second = base[index + 1]
                if lead == 0xE0, second < 0xA0 { return false }  // overlong
                if lead == 0xED, second >= 0xA0 { return false }  // a surrogate
                index += 3
            case 0xF0...0xF4:
                guard index + 3 < count, isContinuation(1), isContinuation(2), isContinuation(3) else { return false }
                let second = base[index + 1]
                if lead == 0xF0, second < 0x90 { return false }  // overlong
                if lead == 0xF4, second >= 0x90 { return false }  // past U+10FFFF
                index += 4
            default:
                return false  // a continuation byte first, an overlong C0/C1 lead, or F5…FF
            }
        }
        return true
    }

    /// ``isValid(_:)`` for an array.
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }
}

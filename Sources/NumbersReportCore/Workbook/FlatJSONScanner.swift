import SinchImportedNumbers

/// Reads a line of `numbers.ndjson.gz` whose keys are the columns, in their order — as this tool writes them —
/// much faster than `JSONDecoder` (which took three quarters of the workbook's time at 200,000 numbers). Anything
/// else (another key, a nested object, a number with a fraction) gives `nil`, and the caller decodes the line with
/// `JSONDecoder`.
struct FlatJSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The line's values in the order of `keys` (UTF-8 column names), or `nil` when its keys are not exactly those.
    static func values(of line: [UInt8], keys: [[UInt8]]) -> [FlatJSONValue]? {
        line.withUnsafeBufferPointer { bytes in
            var scanner = FlatJSONScanner(bytes: bytes)
            return scanner.object(keys: keys)
        }
    }

    private mutating func object(keys: [[UInt8]]) -> [FlatJSONValue]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var values: [FlatJSONValue] = []
        values.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            if position > 0 { guard take(UInt8(ascii: ",")) else { return nil } }
            guard take(UInt8(ascii: "\"")), index + key.count < bytes.count,
                bytes[index..<(index + key.count)].elementsEqual(key)
            else { return nil }
            index += key.count
            guard take(UInt8(ascii: "\"")), take(UInt8(ascii: ":")), let value = value() else { return nil }
            values.append(value)
        }
        guard take(UInt8(ascii: "}")), index == bytes.count else { return nil }
        return values
    }

    private mutating func value() -> FlatJSONValue? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string().map(FlatJSONValue.text)
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "t"): return literal("true") ? .boolean(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .boolean(false) : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
        case UInt8(ascii: "["):
            index += 1
            var items: [FlatJSONValue] = []
            if take(UInt8(ascii: "]")) { return .list(items) }
            repeat {
                guard let item = value() else { return nil }
                items.append(item)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .list(items) : nil
        default: return nil
        }
    }

    private mutating func integer() -> FlatJSONValue? {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        guard index > digits, index - digits <= 18 else { return nil }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            return nil
        }
        return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            .map(FlatJSONValue.integer)
    }

    /// A JSON string, its escapes decoded (a lone surrogate escape gives `nil`: JSONDecoder says what is wrong).
    private mutating func string() -> String? {
        index += 1
        var start = index
        var text: [UInt8] = []
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let tail = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard escaped else { return String(validating: tail, as: UTF8.self) }
                text.append(contentsOf: tail)
                return String(validating: text, as: UTF8.self)
            }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            escaped = true
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            index += 1
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if JSONEscape.isHighSurrogate(scalar) {
                    guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                        let pair = JSONEscape.scalarValue(high: scalar, low: low)
                    else { return nil }
                    scalar = pair
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                text.append(contentsOf: Array(String(Character(unicode)).utf8))
            default: return nil
            }
            start = index
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count, let value = JSONEscape.hex4(bytes[index..<(index + 4)]) else { return nil }
        index += 4
        return value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
        if matches { index += count }
        return matches
    }
}

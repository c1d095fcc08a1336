/// Encodes records as JSON objects, one a line: keys in the order given, `null` for absent,
/// integers and booleans as JSON types, lists as arrays, strings escaped per RFC 8259.
public struct NDJSONEncoder: Sendable {
    /// The encoded `"key":` of each column, with the `{` or `,` before it, computed once.
    private let keyPrefixes: ByteStringTable

    /// - Parameter keys: the column names, in output order.
    public init(keys: [String]) {
        keyPrefixes = ByteStringTable(
            keys.enumerated().map { index, key in
                var bytes: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
                Self.appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                return bytes
            })
    }

    /// Appends one object and its `\n`. `cells` has one cell per key.
    public func appendRecord(_ cells: [Cell], to output: inout [UInt8]) { appendObject(cells, to: &output) }

    /// ``appendRecord(_:to:)``, into an accumulator.
    public func appendRecord(_ cells: [Cell], to output: inout ByteAccumulator) { appendObject(cells, to: &output) }

    private func appendObject<Output: ByteOutput & ~Copyable>(_ cells: [Cell], to output: inout Output) {
        precondition(cells.count == keyPrefixes.count, "one cell per key")
        appendFields(cells, to: &output)
        appendEnd(to: &output)
    }

    /// Appends one object whose last value is text given as bytes, such as a server's body, without
    /// first making a `String` of it. Bytes that are not valid UTF-8 are replaced by U+FFFD, as
    /// `String(decoding:as:)` does. `cells` has one cell per key but the last.
    public func appendRecord(_ cells: [Cell], lastText bytes: [UInt8], to output: inout [UInt8]) {
        precondition(cells.count + 1 == keyPrefixes.count, "one cell per key but the last")
        appendFields(cells, to: &output)
        keyPrefixes.append(cells.count, to: &output)
        if UTF8Validation.isValid(bytes) {
            bytes.withUnsafeBufferPointer { Self.appendString(utf8: $0, to: &output) }
        } else {
            Self.appendString(String(decoding: bytes, as: UTF8.self), to: &output)
        }
        output.append(UInt8(ascii: "}"))
        output.append(UInt8(ascii: "\n"))
    }

    /// ``appendRecord(_:lastText:to:)`` for a last text known to be valid UTF-8 (see ``UTF8Validation``):
    /// its bytes are escaped as they are, in one pass.
    public func appendRecord(_ cells: [Cell], validUTF8LastText bytes: [UInt8], to output: inout [UInt8]) {
        precondition(cells.count + 1 == keyPrefixes.count, "one cell per key but the last")
        appendFields(cells, to: &output)
        keyPrefixes.append(cells.count, to: &output)
        bytes.withUnsafeBufferPointer { Self.appendString(utf8: $0, to: &output) }
        output.append(UInt8(ascii: "}"))
        output.append(UInt8(ascii: "\n"))
    }

    /// `"key":value` of each cell, the first with the object's `{`.
    private func appendFields<Output: ByteOutput & ~Copyable>(_ cells: [Cell], to output: inout Output) {
        for (index, cell) in cells.enumerated() {
            keyPrefixes.append(index, to: &output)
            Self.appendCellValue(cell, to: &output)
        }
    }

    /// Appends what comes before the value of the key at `index`: the object's `{` for the first, a `,` for
    /// the others, then `"key":`. With ``appendValue(_:to:)`` or ``appendPlainString(_:to:)`` for each key in
    /// order and then ``appendRecordEnd(to:)``, the bytes of ``appendRecord(_:to:)``.
    public func appendKey(at index: Int, to output: inout ByteAccumulator) {
        keyPrefixes.append(index, to: &output)
    }

    /// Ends an object made with ``appendKey(at:to:)``: `}` and `\n`.
    public func appendRecordEnd(to output: inout ByteAccumulator) { appendEnd(to: &output) }

    private func appendEnd<Output: ByteOutput & ~Copyable>(to output: inout Output) {
        if keyPrefixes.isEmpty { output.append(UInt8(ascii: "{")) }
        output.append(UInt8(ascii: "}"))
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends text that is printable ASCII (0x20–0x7E) without `"` or `\` as a JSON string: between quotes as
    /// it is, which is what ``appendString(_:to:)`` makes of such text.
    public static func appendPlainString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteAccumulator) {
        assert(
            bytes.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") },
            "plain text is printable ASCII without a quote or a backslash")
        output.append(UInt8(ascii: "\""))
        output.append(bytes)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends a cell's JSON value.
    public static func appendValue(_ cell: Cell, to output: inout ByteAccumulator) {
        appendCellValue(cell, to: &output)
    }

    private static func appendCellValue<Output: ByteOutput & ~Copyable>(_ cell: Cell, to output: inout Output) {
        switch cell {
        case .absent:
            output.append(utf8: "null")
        case .text(let text):
            var text = text
            text.withUTF8 { appendStringLiteral(utf8: $0, to: &output) }
        case .integer(let value):
            output.append(utf8: String(value))
        case .boolean(let value):
            output.append(utf8: value ? "true" : "false")
        case .list(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendCellValue(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// For each byte, whether it may need escaping: control characters, `"`, `\`, DEL, and 0xE2 (the
    /// lead byte of U+2028 and U+2029). Every other byte is copied as it is.
    private static let attention: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
    }

    /// A JSON string literal: `"`, `\`, the C0 controls and DEL escaped (`\n`, `\r`, `\t`, otherwise `\u00xx`);
    /// U+2028 and U+2029 escaped too, so that a line can be embedded in JavaScript; everything else as UTF-8.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: $0, to: &output) }
    }

    /// ``appendString(_:to:)`` for text that is already valid UTF-8 bytes.
    public static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        appendStringLiteral(utf8: bytes, to: &output)
    }

    private static func appendStringLiteral<Output: ByteOutput & ~Copyable>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout Output
    ) {
        output.append(UInt8(ascii: "\""))
        // Escaped a chunk at a time into scratch space with room for the worst case (6 bytes, `\u00XX`,
        // for each): one bulk append per chunk instead of one per run of plain bytes.
        let chunk = 8 * 1024
        var start = 0
        while start < bytes.count {
            // A chunk never ends inside E2 80 A8/A9, so that U+2028 and U+2029 are always seen whole.
            var end = min(bytes.count, start + chunk)
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if end == start { end = min(bytes.count, start + chunk) }
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: piece.count * 6) { scratch in
                let written = escape(piece, into: scratch)
                output.append(UnsafeBufferPointer(rebasing: scratch[0..<written]))
            }
            start = end
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Writes the escaped bytes into `target`, which has room for the worst case.
    /// - Returns: the bytes written.
    private static func escape(
        _ bytes: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>
    )
        -> Int
    {
        attention.withUnsafeBufferPointer { attention in
            hexDigits.withUnsafeBufferPointer { hex in
                let count = bytes.count
                var index = 0
                var out = 0
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    if !attention[Int(byte)] {
                        target[out] = byte
                        out += 1
                        continue
                    }
                    var escape: UInt8 = 0
                    switch byte {
                    case 0xE2:
                        // U+2028 and U+2029 (E2 80 A8/A9) are escaped; other E2 sequences pass.
                        if index + 1 < count, bytes[index] == 0x80, bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9
                        {
                            for digit in "\\u202".utf8 {
                                target[out] = digit
                                out += 1
                            }
                            target[out] = bytes[index + 1] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")
                            out += 1
                            index += 2
                        } else {
                            target[out] = byte
                            out += 1
                        }
                        continue
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape = byte
                    case 0x0A: escape = UInt8(ascii: "n")
                    case 0x0D: escape = UInt8(ascii: "r")
                    case 0x09: escape = UInt8(ascii: "t")
                    default: break
                    }
                    target[out] = UInt8(ascii: "\\")
                    if escape != 0 {
                        target[out + 1] = escape
                        out += 2
                    } else {
                        target[out + 1] = UInt8(ascii: "u")
                        target[out + 2] = UInt8(ascii: "0")
                        target[out + 3] = UInt8(ascii: "0")
                        target[out + 4] = hex[Int(byte >> 4)]
                        target[out + 5] = hex[Int(byte & 0x0F)]
                        out += 6
                    }
                }
                return out
            }
        }
    }
}

import Foundation

/// Reads the few fields `diff` compares out of one line of `numbers.ndjson.gz`, much faster than
/// `JSONDecoder`: the lines are flat objects written by this tool. Anything unexpected (an escape it
/// does not handle, a nested object) returns `nil`, and the caller decodes the line with `JSONDecoder`.
enum DiffRowScanner {
    static func scan(_ line: [UInt8]) -> DiffRow? {
        line.withUnsafeBufferPointer { scan($0)?.row() }
    }

    /// Where the compared fields lie in `line`, without a text made: the row can be kept and keyed from the
    /// line's bytes (``ScannedDiffRow``).
    static func scan(_ line: UnsafeBufferPointer<UInt8>) -> ScannedDiffRow? {
        // The tables by pointer: read for every key, an array would be retained and released each time.
        Scanner.written.quoted.withUnsafeBufferPointer { quoted in
            Scanner.written.keys.withUnsafeBufferPointer { keys in
                var scanner = Scanner(bytes: line, quoted: quoted, keys: keys)
                return scanner.row()
            }
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// ``WrittenKeys/quoted`` and ``WrittenKeys/keys`` of ``written``.
        let quoted: UnsafeBufferPointer<UInt8>
        let keys: UnsafeBufferPointer<WrittenKeys.Key>
        var index = 0
        /// The keys of the row read so far.
        var keysRead = 0

        init(
            bytes: UnsafeBufferPointer<UInt8>, quoted: UnsafeBufferPointer<UInt8>,
            keys: UnsafeBufferPointer<WrittenKeys.Key>
        ) {
            self.bytes = bytes
            self.quoted = quoted
            self.keys = keys
        }

        /// A JSON value of a flat row: a string or an integer (its text: where it lies), null, a boolean, or a list
        /// of strings and integers (where its items lie, between the brackets).
        enum Value {
            case text(Range<Int>)
            case list(Range<Int>)
            case boolean(Bool)
            case other
        }

        /// The columns read (UTF-8 names), in the order of their switch below.
        static let columns: [[UInt8]] =
            ([
                NumberRow.projectID, NumberRow.scopeServicePlanID, NumberRow.scopeCampaignID, NumberRow.phoneNumber,
                NumberRow.health, NumberRow.smsReady,
            ].map(\.name)
            + ProvisioningChannel.allCases.map(\.errorCodeColumn) + [NumberRow.schedErrorCodes.name]).map {
                Array($0.utf8)
            }
        /// Every health level with its name.
        static let levels = HealthLevel.allCases.map { (level: $0, name: Array($0.name.utf8)) }

        /// Every column's key in the order this tool writes them (row format v2), quoted (`"phone_number"`), end to
        /// end in one array, with its place in ``columns`` when it is read: a key where this order expects it is told
        /// by one comparison of the bytes where it stands, without a search or an array handed out a key. (Not
        /// ReportWriters' `ByteStringTable`: read from this module it was not compiled in place, and the scan took
        /// twice as long.)
        struct WrittenKeys {
            let quoted: [UInt8]
            let keys: [Key]

            /// A key in ``quoted``.
            struct Key {
                /// Where it starts and ends in ``quoted``.
                var start: Int
                var end: Int
                /// Its place in ``Scanner/columns``; `nil` for a column not read.
                var column: Int?
            }

            init(names: [String]) {
                quoted = names.flatMap { [UInt8(ascii: "\"")] + Array($0.utf8) + [UInt8(ascii: "\"")] }
                var end = 0
                keys = names.map {
                    let start = end
                    end += $0.utf8.count + 2
                    return Key(start: start, end: end, column: Scanner.columns.firstIndex(of: Array($0.utf8)))
                }
            }
        }

        static let written = WrittenKeys(names: NumberRow.columnNames)

        mutating func row() -> ScannedDiffRow? {
            var row = ScannedDiffRow(line: bytes)
            guard take(UInt8(ascii: "{")) else { return nil }
            if take(UInt8(ascii: "}")) { return row }
            repeat {
                guard let column = key(), take(UInt8(ascii: ":")) else { return nil }
                guard let column else {
                    guard skipValue() else { return nil }
                    continue
                }
                guard let value = value() else { return nil }
                switch (column, value) {
                case (0, .text(let text)): row.projectId = text
                case (1, .text(let text)): row.servicePlanId = text
                case (2, .text(let text)): row.campaignId = text
                case (3, .text(let text)): row.phoneNumber = text
                case (4, .text(let text)):
                    // An unknown level is left to JSONDecoder, which names it in its error.
                    guard let level = level(text) else { return nil }
                    row.health = level
                case (5, .boolean(let ready)): row.smsReady = ready
                case (6...11, .text(let text)): row.channelCodes[column - 6] = text
                case (12, .list(let codes)): row.scheduledCodes = codes
                default: break
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), index == bytes.count else { return nil }
            return row
        }

        func level(_ text: Range<Int>) -> HealthLevel? {
            let name = UnsafeBufferPointer(rebasing: bytes[text])
            return Self.levels.first { Self.equal($0.name, name) }?.level
        }

        /// A member name: the position in ``columns`` (`.some(nil)` for a column not read), or `nil` when
        /// the name is not a plain string.
        mutating func key() -> Int?? {
            defer { keysRead += 1 }
            if keysRead < keys.count {
                // A key cannot hold an unescaped quote: bytes that match `"name"` are that key.
                let key = keys[keysRead]
                let count = key.end - key.start
                if index + count <= bytes.count,
                    memcmp(bytes.baseAddress! + index, quoted.baseAddress! + key.start, count) == 0
                {
                    index += count
                    return .some(key.column)
                }
            }
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let name = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            return .some(Self.columns.firstIndex { Self.equal($0, name) })
        }

        static func equal(_ column: [UInt8], _ name: UnsafeBufferPointer<UInt8>) -> Bool {
            column.count == name.count
                && column.withUnsafeBufferPointer { memcmp($0.baseAddress!, name.baseAddress!, name.count) == 0 }
        }

        /// Skips a value of a column that is not read.
        mutating func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                // The closing quote: the first one after an even number of backslashes.
                var from = index + 1
                while true {
                    guard from < bytes.count, let hit = memchr(bytes.baseAddress! + from, 0x22, bytes.count - from)
                    else { return false }
                    let quote = UnsafeRawPointer(hit) - UnsafeRawPointer(bytes.baseAddress!)
                    var backslashes = 0
                    while quote - backslashes - 1 > index, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                        backslashes += 1
                    }
                    if backslashes % 2 == 0 {
                        index = quote + 1
                        return true
                    }
                    from = quote + 1
                }
            case UInt8(ascii: "["):
                index += 1
                if take(UInt8(ascii: "]")) { return true }
                repeat { guard skipValue() else { return false } } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            default:
                return value() != nil
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func value() -> Value? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(Value.text)
            case UInt8(ascii: "["):
                index += 1
                let start = index
                if take(UInt8(ascii: "]")) { return .list(start..<start) }
                repeat {
                    guard case .text? = value() else { return nil }
                } while take(UInt8(ascii: ","))
                let end = index
                return take(UInt8(ascii: "]")) ? .list(start..<end) : nil
            case UInt8(ascii: "n"): return literal("null") ? .other : nil
            case UInt8(ascii: "t"): return literal("true") ? .boolean(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .boolean(false) : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                return .text(start..<index)
            default: return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else {
                return false
            }
            index += count
            return true
        }

        /// A string without escapes (a string with any escape is left to JSONDecoder), whose bytes are valid UTF-8:
        /// where its text lies.
        mutating func string() -> Range<Int>? {
            index += 1
            let start = index
            var ascii = true
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                if bytes[index] >= 0x80 { ascii = false }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let text = start..<index
            index += 1
            guard ascii || String(validating: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self) != nil else {
                return nil
            }
            return text
        }
    }
}

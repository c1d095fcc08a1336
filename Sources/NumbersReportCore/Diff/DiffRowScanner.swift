import Foundation

/// Reads the few fields `diff` compares out of one line of `numbers.ndjson.gz`, much faster than
/// `JSONDecoder`: the lines are flat objects written by this tool. Anything unexpected (an escape it
/// does not handle, a nested object) returns `nil`, and the caller decodes the line with `JSONDecoder`.
enum DiffRowScanner {
    static func scan(_ line: [UInt8]) -> DiffRow? {
        line.withUnsafeBufferPointer { bytes -> DiffRow? in
            var scanner = Scanner(bytes: bytes, written: Scanner.written)
            return scanner.row()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// ``Scanner/written``, read once a line.
        let written: WrittenKeys
        var index = 0
        /// The keys of the row read so far.
        var keysRead = 0

        /// A JSON value of a flat row: a string, null, a boolean, an integer, or a list of strings and integers.
        enum Value {
            case text(String)
            case list([String])
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
        static let channels = ProvisioningChannel.names

        /// Every column's key in the order this tool writes them (row format v2), quoted (`"phone_number"`), end to
        /// end in one array, with its place in ``columns`` when it is read: a key where this order expects it is told
        /// by one comparison of the bytes where it stands, without a search or an array handed out a key. (Not
        /// ReportWriters' `ByteStringTable`: read from this module it was not compiled in place, and the scan took
        /// twice as long.)
        struct WrittenKeys {
            let quoted: [UInt8]
            /// Where each key ends in ``quoted``.
            let ends: [Int]
            let columns: [Int?]

            init(names: [String]) {
                quoted = names.flatMap { [UInt8(ascii: "\"")] + Array($0.utf8) + [UInt8(ascii: "\"")] }
                var end = 0
                ends = names.map {
                    end += $0.utf8.count + 2
                    return end
                }
                columns = names.map { Scanner.columns.firstIndex(of: Array($0.utf8)) }
            }
        }

        static let written = WrittenKeys(names: NumberRow.columnNames)

        mutating func row() -> DiffRow? {
            var row = DiffRow(
                projectId: nil, servicePlanId: nil, campaignId: nil, phoneNumber: nil, health: nil, errorCodes: [],
                smsReady: nil)
            var channelCodes = [String?](repeating: nil, count: 6)
            var scheduled: [String] = []
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
                    guard let level = HealthLevel(exactName: text) else { return nil }
                    row.health = level
                case (5, .boolean(let ready)): row.smsReady = ready
                case (6...11, .text(let text)): channelCodes[column - 6] = text
                case (12, .list(let codes)): scheduled = codes
                default: break
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), index == bytes.count else { return nil }
            // The same order as DiffRow's decoder: channels in column order, then the scheduled codes.
            for (channel, code) in zip(Self.channels, channelCodes) {
                if let code, !code.isEmpty { row.errorCodes.append("\(channel):\(code)") }
            }
            row.errorCodes += scheduled.map { "sched:\($0)" }
            return row
        }

        /// A member name: the position in ``columns`` (`.some(nil)` for a column not read), or `nil` when
        /// the name is not a plain string.
        mutating func key() -> Int?? {
            defer { keysRead += 1 }
            if keysRead < written.ends.count {
                // A key cannot hold an unescaped quote: bytes that match `"name"` are that key.
                let start = keysRead == 0 ? 0 : written.ends[keysRead - 1]
                let count = written.ends[keysRead] - start
                let expected = written.quoted.withUnsafeBufferPointer {
                    index + count <= bytes.count
                        && memcmp(bytes.baseAddress! + index, $0.baseAddress! + start, count) == 0
                }
                if expected {
                    index += count
                    return .some(written.columns[keysRead])
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
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { return false }
                index += 1
                return true
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
                var items: [String] = []
                if take(UInt8(ascii: "]")) { return .list(items) }
                repeat {
                    switch value() {
                    case .text(let text)?: items.append(text)
                    default: return nil
                    }
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]")) ? .list(items) : nil
            case UInt8(ascii: "n"): return literal("null") ? .other : nil
            case UInt8(ascii: "t"): return literal("true") ? .boolean(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .boolean(false) : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                return .text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
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

        /// A string without escapes (a string with any escape is left to JSONDecoder).
        mutating func string() -> String? {
            index += 1
            let start = index
            var ascii = true
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                if bytes[index] >= 0x80 { ascii = false }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            // ASCII is valid UTF-8: made without the validation (a generic call, with runtime metadata lookups).
            return ascii ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
        }
    }
}

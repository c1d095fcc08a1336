import Foundation

/// Reads the few fields `diff` compares out of one line of `numbers.ndjson.gz`, much faster than
/// `JSONDecoder`: the lines are flat objects written by this tool. Anything unexpected (an escape it
/// does not handle, a nested object) returns `nil`, and the caller decodes the line with `JSONDecoder`.
enum DiffRowScanner {
    static func scan(_ line: [UInt8]) -> DiffRow? {
        line.withUnsafeBufferPointer { bytes -> DiffRow? in
            var scanner = Scanner(bytes: bytes)
            return scanner.row()
        }
    }

    private static let errorColumns: [String: String] = [
        "sms_att_error_code": "sms_att", "sms_tmo_error_code": "sms_tmo", "mms_att_error_code": "mms_att",
        "mms_tmo_error_code": "mms_tmo", "sms_prov_error_code": "sms_prov",
        "campaign_prov_error_code": "campaign_prov",
    ]

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// A JSON value of a flat row: a string, null, a boolean, an integer, or a list of strings and integers.
        enum Value {
            case text(String)
            case list([String])
            case other
        }

        mutating func row() -> DiffRow? {
            var row = DiffRow(
                projectId: nil, servicePlanId: nil, campaignId: nil, phoneNumber: nil, health: nil, errorCodes: [])
            var channelCodes: [String: String] = [:]
            var scheduled: [String] = []
            guard take(UInt8(ascii: "{")) else { return nil }
            if take(UInt8(ascii: "}")) { return row }
            repeat {
                guard case .text(let key)? = value(), take(UInt8(ascii: ":")), let value = value() else { return nil }
                switch (key, value) {
                case ("project_id", .text(let text)): row.projectId = text
                case ("scope_service_plan_id", .text(let text)): row.servicePlanId = text
                case ("scope_campaign_id", .text(let text)): row.campaignId = text
                case ("phone_number", .text(let text)): row.phoneNumber = text
                case ("health", .text(let text)): row.health = text
                case ("sched_error_codes", .list(let codes)): scheduled = codes
                case (_, .text(let text)) where DiffRowScanner.errorColumns[key] != nil:
                    channelCodes[key] = text
                default: break
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), index == bytes.count else { return nil }
            // The same order as DiffRow's decoder: channels in column order, then the scheduled codes.
            for column in [
                "sms_att_error_code", "sms_tmo_error_code", "mms_att_error_code", "mms_tmo_error_code",
                "sms_prov_error_code", "campaign_prov_error_code",
            ] {
                if let code = channelCodes[column], !code.isEmpty {
                    row.errorCodes.append("\(DiffRowScanner.errorColumns[column]!):\(code)")
                }
            }
            row.errorCodes += scheduled.map { "sched:\($0)" }
            return row
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
            case UInt8(ascii: "t"): return literal("true") ? .other : nil
            case UInt8(ascii: "f"): return literal("false") ? .other : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                return .text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            default: return nil
            }
        }

        mutating func literal(_ word: String) -> Bool {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
                return false
            }
            index += utf8.count
            return true
        }

        /// A string without escapes (a string with any escape is left to JSONDecoder).
        mutating func string() -> String? {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return text
        }
    }
}

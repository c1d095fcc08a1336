import Foundation

/// A decoder of `ListImportedNumbersResponse` written for this one schema: it reads the bytes once
/// and builds the models directly, several times faster than `JSONDecoder` on a 1,000-record page.
///
/// It only ever accepts what `JSONDecoder` would decode to the very same value: on anything it is not
/// sure of (a wrong type, an escape it does not handle, a number that is not a plain integer, invalid
/// UTF-8, a repeated key) it gives up and returns `nil`, and the caller decodes the page with
/// `JSONDecoder`, which also names the records it rejects.
final class FastPageDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Where each record's text fields stand in ``bytes``.
    private var spans = RecordSpans()

    /// The decoded page, or `nil` to let `JSONDecoder` decide.
    static func decode(_ body: [UInt8]) -> ListImportedNumbersResponse? { decodeWithSpans(body)?.response }

    /// The decoded page and where its records' text fields stand in `body`, or `nil` to let `JSONDecoder` decide.
    static func decodeWithSpans(_ body: [UInt8]) -> (response: ListImportedNumbersResponse, spans: RecordSpans)? {
        body.withUnsafeBufferPointer { buffer in
            let decoder = FastPageDecoder(bytes: buffer)
            guard let response = try? decoder.page() else { return nil }
            return (response, decoder.spans)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private struct GiveUp: Error {}

    /// The member names each object of the schema reads, in the order of its `switch`.
    /// Members of one object that the schema does not read before the fast path hands the page over.
    static let maximumUnknownMembers = 16
    private static let members0: [StaticString] = ["importedNumbers", "nextPageToken", "totalSize"]
    private static let members1: [StaticString] = [
        "phoneNumber", "projectId", "regionCode", "displayName", "callbackUrl", "smsConfiguration", "mnoConfiguration",
        "smsProvisioning", "campaignProvisioning",
    ]
    private static let members2: [StaticString] = [
        "servicePlanId", "campaignId", "migrateToSinchTmo", "scheduledProvisioning",
    ]
    private static let members3: [StaticString] = [
        "servicePlanId", "campaignId", "status", "lastUpdatedTime", "errorCodes",
    ]
    private static let members4: [StaticString] = ["smsAtt", "smsTmo", "mmsAtt", "mmsTmo"]
    private static let members5: [StaticString] = ["state", "errorCode", "errorMessage", "updateTime", "operation"]
    private static let members6: [StaticString] = [
        "serviceType", "serviceId", "type", "state", "updateTime", "errorMessage", "errorCode",
    ]

    // MARK: - The schema

    private func page() throws -> ListImportedNumbersResponse {
        var response = ListImportedNumbersResponse()
        try object(known: Self.members0) { _, member in
            switch member {
            case 0:
                if try skipNull() { return }
                try array { response.importedNumbers.append(try number()) }
            case 1: response.nextPageToken = try optionalString()
            case 2:
                if try skipNull() { return }
                if peek() == UInt8(ascii: "\"") {
                    response.totalSize = Int(try string())
                } else {
                    response.totalSize = try integer()
                }
            default: try skipValue()
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw GiveUp() }
        return response
    }

    private func number() throws -> ImportedNumber {
        // The record's spans are gathered on the stack and written to `spans` once: through a pointer, not each
        // through the class's property (an access the runtime checks for exclusivity every time).
        try withUnsafeTemporaryAllocation(of: FieldSpan.self, capacity: RecordSpans.fieldCount) { buffer in
            buffer.initialize(repeating: .absent)
            let record = Record(spans: buffer.baseAddress!)
            var number = ImportedNumber()
            try object(known: Self.members1) { _, member in
                switch member {
                case 0: number.phoneNumber = try optionalString(record[.phoneNumber])
                case 1: number.projectId = try optionalString(record[.projectId])
                case 2: number.regionCode = try optionalString(record[.regionCode])
                case 3: number.displayName = try optionalString(record[.displayName])
                case 4: number.callbackUrl = try optionalString(record[.callbackUrl])
                case 5: number.smsConfiguration = try optionalObject { try smsConfiguration(record) }
                case 6: number.mnoConfiguration = try optionalObject { try mnoConfiguration(record) }
                case 7: number.smsProvisioning = try optionalObject { try provisioning(0, record) }
                case 8: number.campaignProvisioning = try optionalObject { try provisioning(1, record) }
                default: try skipValue()
                }
            }
            spans.append(UnsafeBufferPointer(buffer))
            return number
        }
    }

    /// The spans of the record being read.
    private struct Record {
        let spans: UnsafeMutablePointer<FieldSpan>
        subscript(field: RecordField) -> UnsafeMutablePointer<FieldSpan> { spans + field.rawValue }
    }

    private func smsConfiguration(_ record: Record) throws -> SmsConfiguration {
        var configuration = SmsConfiguration()
        try object(known: Self.members2) { _, member in
            switch member {
            case 0: configuration.servicePlanId = try optionalString(record[.smsServicePlanId])
            case 1: configuration.campaignId = try optionalString(record[.smsCampaignId])
            case 2: configuration.migrateToSinchTmo = try optionalBool()
            case 3:
                configuration.scheduledProvisioning = try optionalObject { try scheduled(record) }
            default: try skipValue()
            }
        }
        return configuration
    }

    private func scheduled(_ record: Record) throws -> ScheduledProvisioning {
        var scheduled = ScheduledProvisioning()
        try object(known: Self.members3) { _, member in
            switch member {
            case 0: scheduled.servicePlanId = try optionalString(record[.scheduledServicePlanId])
            case 1: scheduled.campaignId = try optionalString(record[.scheduledCampaignId])
            case 2: scheduled.status = try optionalCode()
            case 3: scheduled.lastUpdatedTime = try optionalString(record[.scheduledLastUpdatedTime])
            case 4:
                if try skipNull() { return }
                var codes: [APICode] = []
                try array {
                    guard let code = try optionalCode() else { throw GiveUp() }
                    codes.append(code)
                }
                scheduled.errorCodes = codes
            default: try skipValue()
            }
        }
        return scheduled
    }

    private func mnoConfiguration(_ record: Record) throws -> MnoConfiguration {
        var configuration = MnoConfiguration()
        try object(known: Self.members4) { _, member in
            switch member {
            case 0: configuration.smsAtt = try optionalObject { try carrier(0, record) }
            case 1: configuration.smsTmo = try optionalObject { try carrier(1, record) }
            case 2: configuration.mmsAtt = try optionalObject { try carrier(2, record) }
            case 3: configuration.mmsTmo = try optionalObject { try carrier(3, record) }
            default: try skipValue()
            }
        }
        return configuration
    }

    /// A carrier entry: `carrier` is its place in `mnoConfiguration` (0 `smsAtt` … 3 `mmsTmo`).
    private func carrier(_ carrier: Int, _ record: Record) throws -> CarrierState {
        var state = CarrierState()
        let field = { record[.carrier(carrier, $0)] }
        try object(known: Self.members5) { _, member in
            switch member {
            case 0: state.state = try optionalString(field(.state)).map(ProvisioningState.init(rawValue:))
            case 1: state.errorCode = try optionalLenientString(field(.errorCode))
            case 2: state.errorMessage = try optionalString(field(.errorMessage))
            case 3: state.updateTime = try optionalString(field(.updateTime))
            case 4: state.operation = try optionalString(field(.operation)).map(CarrierOperation.init(rawValue:))
            default: try skipValue()
            }
        }
        return state
    }

    /// SMS (`service` 0) or campaign (1) provisioning.
    private func provisioning(_ service: Int, _ record: Record) throws -> ServiceProvisioning {
        var provisioning = ServiceProvisioning()
        let field = { record[.service(service, $0)] }
        try object(known: Self.members6) { _, member in
            switch member {
            case 0: provisioning.serviceType = try optionalString(field(.serviceType)).map(ServiceType.init(rawValue:))
            case 1: provisioning.serviceId = try optionalLenientString(field(.serviceId))
            case 2: provisioning.type = try optionalString(field(.type)).map(ProvisioningType.init(rawValue:))
            case 3: provisioning.state = try optionalString(field(.state)).map(ProvisioningState.init(rawValue:))
            case 4: provisioning.updateTime = try optionalString(field(.updateTime))
            case 5: provisioning.errorMessage = try optionalString(field(.errorMessage))
            case 6: provisioning.errorCode = try optionalLenientString(field(.errorCode))
            default: try skipValue()
            }
        }
        return provisioning
    }

    // MARK: - Values

    private func optionalObject<T>(_ body: () throws -> T) throws -> T? {
        if try skipNull() { return nil }
        guard peek() == UInt8(ascii: "{") else { throw GiveUp() }
        return try body()
    }

    private func optionalString() throws -> String? {
        if try skipNull() { return nil }
        return try string()
    }

    /// A string or `null` (its span stays ``FieldSpan/absent``), whose span is written to `span`.
    private func optionalString(_ span: UnsafeMutablePointer<FieldSpan>) throws -> String? {
        if try skipNull() { return nil }
        return try string(span: span)
    }

    /// A string, or an integer given as one (`LenientString`), whose span is written to `span` (an integer's
    /// text is not the bytes received: its span is ``FieldSpan/unplain``).
    private func optionalLenientString(_ span: UnsafeMutablePointer<FieldSpan>) throws -> String? {
        if try skipNull() { return nil }
        if peek() == UInt8(ascii: "\"") { return try string(span: span) }
        span.pointee = .unplain
        return String(try integer())
    }

    /// An integer or a string (`APICode`).
    private func optionalCode() throws -> APICode? {
        if try skipNull() { return nil }
        if peek() == UInt8(ascii: "\"") { return APICode(rawValue: try string()) }
        return APICode(try integer())
    }

    private func optionalBool() throws -> Bool? {
        if try skipNull() { return nil }
        if try literal("true") { return true }
        if try literal("false") { return false }
        throw GiveUp()
    }

    private func skipNull() throws -> Bool {
        skipWhitespace()
        return try literal("null")
    }

    private func literal(_ word: StaticString) throws -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A plain integer: `-`? digits, no fraction or exponent.
    private func integer() throws -> Int {
        skipWhitespace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        guard index > digits, index - digits <= 18 else { throw GiveUp() }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw GiveUp()
        }
        guard let value = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        else { throw GiveUp() }
        return value
    }

    /// A member name without escapes, as raw bytes.
    private func rawKey() throws -> Key {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw GiveUp() }
        index += 1
        let start = index
        // Names of this schema are plain ASCII; anything else (escapes, controls, other UTF-8) is JSONDecoder's call.
        index = Self.plainRun(in: bytes, from: index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw GiveUp() }
        let key = Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        return key
    }

    /// A string with the common escapes; anything unusual (`\u`, control characters, invalid UTF-8) gives up.
    /// - Parameter span: where to write the string's span in ``bytes``, if anywhere.
    private func string(span: UnsafeMutablePointer<FieldSpan>? = nil) throws -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw GiveUp() }
        index += 1
        let start = index
        var escaped = false
        var ascii = true
        var plain = true  // printable ASCII: 0x20-0x7E (and, once the loop is done, no escape)
        while index < bytes.count {
            index = Self.plainRun(in: bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw GiveUp() }
            if byte >= 0x7F {
                plain = false
                if byte >= 0x80 { ascii = false }
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            index += 1
        }
        guard index < bytes.count else { throw GiveUp() }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        span?.pointee =
            plain && !escaped && index < Int(UInt32.max - 2)
            ? FieldSpan(start: UInt32(start), length: UInt32(index - start)) : .unplain
        index += 1
        if !escaped {
            // ASCII is valid UTF-8: made without the validation (a generic call, most of this function's cost).
            if ascii { return String(decoding: raw, as: UTF8.self) }
            guard let text = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
            return text
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                unescaped.append(byte)
                position += 1
                continue
            }
            guard position + 1 < raw.count else { throw GiveUp() }
            switch raw[position + 1] {
            case UInt8(ascii: "\""): unescaped.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): unescaped.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): unescaped.append(UInt8(ascii: "/"))
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "u"):
                var scalarValue = try hex4(raw, position + 2)
                position += 6
                if JSONEscape.isHighSurrogate(scalarValue) {
                    // A surrogate pair: the low half must follow as another \u escape.
                    guard position + 1 < raw.count, raw[position] == UInt8(ascii: "\\"),
                        raw[position + 1] == UInt8(ascii: "u"),
                        let pair = JSONEscape.scalarValue(high: scalarValue, low: try hex4(raw, position + 2))
                    else { throw GiveUp() }
                    scalarValue = pair
                    position += 6
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { throw GiveUp() }
                unescaped.append(contentsOf: String(Character(scalar)).utf8)
                continue
            default: throw GiveUp()
            }
            position += 2
        }
        guard let text = String(validating: unescaped, as: UTF8.self) else { throw GiveUp() }
        return text
    }

    /// The index of the first byte at `start` or after it that is not printable ASCII other than `"` and `\\`
    /// (`bytes.count` when there is none): eight bytes at a time, as most of a page's strings are such text.
    static func plainRun(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        guard let base = bytes.baseAddress else { return index }
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // `(x - ones) & ~x & highs` is not 0 exactly when a byte of `x` is 0 (`(x - n × ones) & ~x & highs`
            // when one is below n): a word with a quote, a backslash, DEL, a control or a byte of 0x80 or more is
            // left to the byte loop below.
            let quote = word ^ (0x22 &* ones)
            let backslash = word ^ (0x5C &* ones)
            let delete = word ^ (0x7F &* ones)
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((delete &- ones) & ~delete)
                | ((word &- 0x20 &* ones) & ~word) | word
            if special & highs != 0 { break }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
            index += 1
        }
        return index
    }

    /// Four hexadecimal digits at `offset`.
    private func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ offset: Int) throws -> UInt32 {
        guard offset + 4 <= raw.count, let value = JSONEscape.hex4(raw[offset..<(offset + 4)]) else { throw GiveUp() }
        return value
    }

    // MARK: - Structure

    /// A member name as it stands in the body (names with escapes make the decoder give up).
    struct Key {
        let bytes: UnsafeBufferPointer<UInt8>

        static func == (key: Key, other: Key) -> Bool {
            key.bytes.count == other.bytes.count
                && (key.bytes.isEmpty || memcmp(key.bytes.baseAddress!, other.bytes.baseAddress!, key.bytes.count) == 0)
        }

        static func == (key: Key, name: StaticString) -> Bool {
            key.bytes.count == name.utf8CodeUnitCount
                && memcmp(key.bytes.baseAddress!, name.utf8Start, key.bytes.count) == 0
        }
    }

    /// The members of an object; `known` names the ones the schema reads, so that a repeated one is caught.
    private func object(known: [StaticString] = [], _ member: (Key, Int?) throws -> Void) throws {
        var seen: UInt64 = 0
        var unknown: [Key] = []
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw GiveUp() }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        var expected = 0
        while true {
            let key = try rawKey()
            // The API sends an object's members in one order: the one after the last found is tried first.
            let position =
                expected < known.count && key == known[expected] ? expected : known.firstIndex { key == $0 }
            if let position {
                expected = position + 1
                guard seen & (1 << position) == 0 else { throw GiveUp() }  // a repeated member
                seen |= 1 << position
            } else {
                // Members the schema does not read count too: any repeated member is JSONDecoder's path's call.
                // More than a few unknown members is no page of this schema: the fallback (whose duplicate
                // scan uses a set) takes it, so that this list never makes decoding quadratic.
                guard unknown.count < Self.maximumUnknownMembers, !unknown.contains(where: { $0 == key }) else {
                    throw GiveUp()
                }
                unknown.append(key)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw GiveUp() }
            index += 1
            try member(key, position)
            skipWhitespace()
            guard index < bytes.count else { throw GiveUp() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw GiveUp() }
            index += 1
            return
        }
    }

    private func array(_ element: () throws -> Void) throws {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { throw GiveUp() }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element()
            skipWhitespace()
            guard index < bytes.count else { throw GiveUp() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw GiveUp() }
            index += 1
            return
        }
    }

    /// Skips any value of a field the schema does not know (it must still be valid JSON).
    private func skipValue(depth: Int = 0) throws {
        guard depth < 64 else { throw GiveUp() }
        skipWhitespace()
        guard index < bytes.count else { throw GiveUp() }
        switch bytes[index] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try object { _, _ in try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"): guard try literal("true") else { throw GiveUp() }
        case UInt8(ascii: "f"): guard try literal("false") else { throw GiveUp() }
        case UInt8(ascii: "n"): guard try literal("null") else { throw GiveUp() }
        default: _ = try integer()
        }
    }

    /// The next byte that is not whitespace (which is skipped), `nil` at the end.
    private func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    private func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}

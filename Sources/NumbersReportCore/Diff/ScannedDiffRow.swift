/// One line of `numbers.ndjson.gz` as ``DiffRowScanner`` found it: where each compared field's text lies in the
/// line, no text made yet. The comparison keys and keeps the previous night's rows straight from these bytes
/// (``DiffRowFields``): the same key and the same kept bytes as the ``DiffRow`` that ``row()`` makes.
///
/// Every text it points at is valid UTF-8 without escapes (the scanner leaves any other line to `JSONDecoder`),
/// so its bytes are the UTF-8 of the text ``row()`` makes.
struct ScannedDiffRow {
    /// Where a field's text lies in ``line``.
    typealias Field = Range<Int>

    /// The line; valid only while the reader hands it out.
    let line: UnsafeBufferPointer<UInt8>
    var projectId: Field?
    var servicePlanId: Field?
    var campaignId: Field?
    var phoneNumber: Field?
    var health: HealthLevel?
    var smsReady: Bool?
    /// Each channel's error code, in ``ProvisioningChannel`` order.
    var channelCodes = InlineArray<6, Field?>(repeating: nil)
    /// The scheduled codes' list between its brackets: strings and integers, separated by commas.
    var scheduledCodes: Field?

    init(line: UnsafeBufferPointer<UInt8>) {
        self.line = line
    }

    /// The bytes of a field.
    func bytes(_ field: Field) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: line[field])
    }

    /// The row's error codes in ``DiffRow/errorCodes`` order, each as its prefix (`sms_att:`, …, `sched:`) and
    /// its code: channels' non-empty codes in column order, then the scheduled codes.
    func forEachErrorCode(_ body: (_ prefix: [UInt8], _ code: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for channel in channelCodes.indices {
            if let code = channelCodes[channel], !code.isEmpty {
                try body(DiffCodePrefix.channels[channel], bytes(code))
            }
        }
        guard let list = scheduledCodes else { return }
        var index = list.lowerBound
        while index < list.upperBound {
            let code: Field
            if line[index] == UInt8(ascii: "\"") {  // a string, without escapes: up to the next quote
                var end = index + 1
                while line[end] != UInt8(ascii: "\"") { end += 1 }
                code = index + 1..<end
                index = end + 1
            } else {  // an integer: its sign or first digit, then digits
                var end = index + 1
                while end < list.upperBound, line[end] != UInt8(ascii: ",") { end += 1 }
                code = index..<end
                index = end
            }
            try body(DiffCodePrefix.scheduled, bytes(code))
            index += 1  // the comma
        }
    }

    /// The row as ``DiffRow``.
    func row() -> DiffRow {
        var codes: [String] = []
        forEachErrorCode { prefix, code in
            codes.append(String(decoding: prefix + Array(code), as: UTF8.self))
        }
        return DiffRow(
            projectId: text(projectId), servicePlanId: text(servicePlanId), campaignId: text(campaignId),
            phoneNumber: text(phoneNumber), health: health, errorCodes: codes, smsReady: smsReady)
    }

    private func text(_ field: Field?) -> String? {
        field.map { String(decoding: bytes($0), as: UTF8.self) }
    }

    /// The row's scope, as ``DiffRow/scope``.
    var scope: DiffScope {
        DiffScope(
            projectId: text(projectId) ?? "", servicePlanId: text(servicePlanId) ?? "",
            campaignId: text(campaignId) ?? "")
    }
}

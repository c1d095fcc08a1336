/// One line of `numbers.ndjson.gz` as ``DiffRowScanner`` found it: where each compared field's text lies in the
/// line, no text made yet. The comparison keys and keeps the previous night's rows straight from these bytes
/// (``key``, ``store(to:)``): the same key and the same kept bytes as the ``DiffRow`` that ``row()`` makes.
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

    /// The prefix of each channel's codes (`sms_att:`, …), in ``ProvisioningChannel`` order.
    private static let channelPrefixes = ProvisioningChannel.names.map { Array("\($0):".utf8) }
    /// The prefix of the scheduled codes.
    private static let scheduledPrefix = Array("sched:".utf8)

    /// The bytes of a field.
    func bytes(_ field: Field) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: line[field])
    }

    /// The row's error codes in ``DiffRow/errorCodes`` order, each as its prefix (`sms_att:`, …, `sched:`) and
    /// its code: channels' non-empty codes in column order, then the scheduled codes.
    func forEachErrorCode(_ body: (_ prefix: [UInt8], _ code: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for channel in channelCodes.indices {
            if let code = channelCodes[channel], !code.isEmpty { try body(Self.channelPrefixes[channel], bytes(code)) }
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
            try body(Self.scheduledPrefix, bytes(code))
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

    /// The row's comparison key: ``SnapshotDiff/RowKey``'s hashes of ``DiffRow``, made from the bytes.
    var key: SnapshotDiff.RowKey {
        var identity = FNV1a.offsetBasis
        if let projectId { FNV1a.add(bytes(projectId), to: &identity) }
        FNV1a.add(0x1F, to: &identity)
        if let servicePlanId { FNV1a.add(bytes(servicePlanId), to: &identity) }
        FNV1a.add(0x1F, to: &identity)
        if let campaignId { FNV1a.add(bytes(campaignId), to: &identity) }
        FNV1a.add(0x1F, to: &identity)
        var phone = FNV1a.offsetBasis
        if let phoneNumber {
            FNV1a.add(bytes(phoneNumber), to: &identity)
            FNV1a.add(bytes(phoneNumber), to: &phone)
        }
        var fingerprint = FNV1a.offsetBasis
        if let health { FNV1a.add(health.name, to: &fingerprint) }
        FNV1a.add(0x1F, to: &fingerprint)
        var first = true
        forEachErrorCode { prefix, code in
            if !first { FNV1a.add(UInt8(ascii: ","), to: &fingerprint) }
            first = false
            prefix.withUnsafeBufferPointer { FNV1a.add($0, to: &fingerprint) }
            FNV1a.add(code, to: &fingerprint)
        }
        return SnapshotDiff.RowKey(
            identity: identity, fingerprint: fingerprint, phone: phone, health: SnapshotDiff.healthCode(health),
            ready: SnapshotDiff.readinessCode(smsReady))
    }

    /// The row's scope, as ``DiffRow/scope``.
    var scope: DiffScope {
        DiffScope(
            projectId: text(projectId) ?? "", servicePlanId: text(servicePlanId) ?? "",
            campaignId: text(campaignId) ?? "")
    }
}

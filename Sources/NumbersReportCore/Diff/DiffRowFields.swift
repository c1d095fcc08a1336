/// What the comparison keeps of a row and keys it by, as bytes: the row's scope and phone number, health,
/// `sms_ready` and error codes, without a ``DiffRow`` made. ``key(format:)`` and ``store(to:format:)`` give the
/// same key and the same kept bytes as ``SnapshotDiff/RowKey/init(_:)`` and ``DiffRow/store(to:)`` of the
/// ``DiffRow`` the row stands for (tests hold them to it): the previous night's rows are kept from their lines'
/// bytes (``ScannedDiffRow``), tonight's from the rows as they are made (``NumberRow``).
protocol DiffRowFields {
    /// Hands `body` the UTF-8 of the project id, service plan id, campaign id and phone number, in that order;
    /// `nil` for one the row does not have.
    func forEachIdentityText(_ body: (UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows
    var diffHealth: HealthLevel? { get }
    /// `sms_ready` as a row of `format` has it (a v1 row has none).
    func diffReadiness(format: RowFormat) -> Bool?
    /// Hands `body` each of ``DiffRow/errorCodes``, in order, as a prefix (`sms_att:`, …, `sched:`) and a code.
    func forEachErrorCode(_ body: (_ prefix: [UInt8], _ code: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows
}

/// The prefixes of ``DiffRow/errorCodes``: each channel's (`sms_att:`, …, in ``ProvisioningChannel`` order) and the
/// scheduled codes' (`sched:`), as texts and as UTF-8.
enum DiffCodePrefix {
    static let channelTexts = ProvisioningChannel.names.map { "\($0):" }
    static let scheduledText = "sched:"
    static let channels = channelTexts.map { Array($0.utf8) }
    static let scheduled = Array(scheduledText.utf8)
}

extension DiffRowFields {
    /// The row's comparison key: FNV-1a hashes of its identity (project, service plan, campaign and phone number
    /// joined by U+001F), of its phone number, and of its state (the level's name, U+001F, the codes joined by
    /// commas), each made piece by piece without the joined text.
    func key(format: RowFormat) -> SnapshotDiff.RowKey {
        var identity = FNV1a.offsetBasis
        var phone = FNV1a.offsetBasis
        var place = 0
        forEachIdentityText { text in
            if place > 0 { FNV1a.add(0x1F, to: &identity) }
            if let text {
                FNV1a.add(text, to: &identity)
                if place == 3 { FNV1a.add(text, to: &phone) }
            }
            place += 1
        }
        var fingerprint = FNV1a.offsetBasis
        if let diffHealth { FNV1a.add(diffHealth.name, to: &fingerprint) }
        FNV1a.add(0x1F, to: &fingerprint)
        var first = true
        forEachErrorCode { prefix, code in
            if !first { FNV1a.add(UInt8(ascii: ","), to: &fingerprint) }
            first = false
            prefix.withUnsafeBufferPointer { FNV1a.add($0, to: &fingerprint) }
            FNV1a.add(code, to: &fingerprint)
        }
        return SnapshotDiff.RowKey(
            identity: identity, fingerprint: fingerprint, phone: phone, health: SnapshotDiff.healthCode(diffHealth),
            ready: SnapshotDiff.readinessCode(diffReadiness(format: format)))
    }
}

extension ScannedDiffRow: DiffRowFields {
    func forEachIdentityText(_ body: (UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        try body(projectId.map(bytes))
        try body(servicePlanId.map(bytes))
        try body(campaignId.map(bytes))
        try body(phoneNumber.map(bytes))
    }

    var diffHealth: HealthLevel? { health }

    /// As read: the line says whether it has one.
    func diffReadiness(format: RowFormat) -> Bool? { smsReady }
}

extension DiffRow: DiffRowFields {
    func forEachIdentityText(_ body: (UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        try withUTF8(projectId, body)
        try withUTF8(servicePlanId, body)
        try withUTF8(campaignId, body)
        try withUTF8(phoneNumber, body)
    }

    var diffHealth: HealthLevel? { health }

    /// As read.
    func diffReadiness(format: RowFormat) -> Bool? { smsReady }

    /// Each code whole, with an empty prefix.
    func forEachErrorCode(_ body: (_ prefix: [UInt8], _ code: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for code in errorCodes { try withUTF8(code) { try body([], $0!) } }
    }
}

extension NumberRow: DiffRowFields {
    func forEachIdentityText(_ body: (UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        try withUTF8(scope.projectId, body)
        try withUTF8(scope.servicePlanId, body)
        try withUTF8(scope.campaignId, body)
        try withUTF8(number.phoneNumber, body)
    }

    var diffHealth: HealthLevel? { verdict.level }

    func diffReadiness(format: RowFormat) -> Bool? { format == .v1 ? nil : verdict.smsReady }

    /// Channels' codes in column order, then the scheduled codes (integers as digits), as
    /// ``DiffRow/init(_:format:)`` has them.
    func forEachErrorCode(_ body: (_ prefix: [UInt8], _ code: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        // One slot a channel, in channel order.
        for (channel, operation) in operationSlots.enumerated() {
            if let code = operation?.errorCode, !code.isEmpty {
                try withUTF8(code) { try body(DiffCodePrefix.channels[channel], $0!) }
            }
        }
        for code in number.smsConfiguration?.scheduledProvisioning?.errorCodes ?? [] {
            try withUTF8(code.integerValue.map(String.init) ?? code.rawValue) {
                try body(DiffCodePrefix.scheduled, $0!)
            }
        }
    }
}

/// Hands `body` the UTF-8 of `text`, in place; `nil` for none.
private func withUTF8(_ text: String?, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
    guard var text else { return try body(nil) }
    try text.withUTF8 { try body($0) }
}

extension DiffRow {
    /// A row stored by ``DiffRowFields/store(to:format:)``.
    init(stored bytes: [UInt8]) throws {
        var reader = StoredReader(bytes: bytes)
        let projectId = try reader.text()
        let servicePlanId = try reader.text()
        let campaignId = try reader.text()
        let phoneNumber = try reader.text()
        let health = try reader.byte()
        let ready = try reader.byte()
        let codes = try (0..<reader.integer()).map { _ in try reader.text() ?? "" }
        self.init(
            projectId: projectId, servicePlanId: servicePlanId, campaignId: campaignId, phoneNumber: phoneNumber,
            health: SnapshotDiff.level(health), errorCodes: codes, smsReady: SnapshotDiff.readiness(ready))
    }

    fileprivate static func store(_ number: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Reads what ``DiffRowFields/store(to:format:)`` wrote.
    private struct StoredReader {
        let bytes: [UInt8]
        var index = 0

        /// A stored row that does not read back: the scratch file was damaged meanwhile.
        struct Damaged: Error, CustomStringConvertible {
            var description: String { "a row kept in a scratch file does not read back" }
        }

        mutating func byte() throws -> UInt8 {
            guard index < bytes.count else { throw Damaged() }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func integer() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw Damaged() }
            defer { index += 4 }
            return (0..<4).reduce(0) { $0 | UInt32(bytes[index + $1]) << (8 * $1) }
        }

        mutating func text() throws -> String? {
            let length = try integer()
            guard length != UInt32.max else { return nil }
            guard index + Int(length) <= bytes.count else { throw Damaged() }
            defer { index += Int(length) }
            return String(decoding: bytes[index..<index + Int(length)], as: UTF8.self)
        }
    }
}

extension DiffRowFields {
    /// Appends the row as ``DiffRowStore`` keeps it: each text as a 32-bit length (`UInt32.max` for none) and its
    /// UTF-8, health and `sms_ready` as one byte each, the error codes as a count and texts (``DiffRow/init(stored:)``
    /// reads it back).
    func store(to bytes: inout [UInt8], format: RowFormat) {
        forEachIdentityText { text in
            guard let text else { return DiffRow.store(UInt32.max, to: &bytes) }
            DiffRow.store(UInt32(text.count), to: &bytes)
            bytes.append(contentsOf: text)
        }
        bytes.append(SnapshotDiff.healthCode(diffHealth))
        bytes.append(SnapshotDiff.readinessCode(diffReadiness(format: format)))
        let countAt = bytes.count
        DiffRow.store(UInt32(0), to: &bytes)
        var count: UInt32 = 0
        forEachErrorCode { prefix, code in
            DiffRow.store(UInt32(prefix.count + code.count), to: &bytes)
            bytes.append(contentsOf: prefix)
            bytes.append(contentsOf: code)
            count += 1
        }
        withUnsafeBytes(of: count.littleEndian) { bytes.replaceSubrange(countAt..<countAt + 4, with: $0) }
    }
}

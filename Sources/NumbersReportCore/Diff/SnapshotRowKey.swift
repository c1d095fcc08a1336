import Foundation

/// What `diff` compares of a row: its identity (scope and phone number), health and error codes.
struct DiffRow: Decodable, Sendable {
    var projectId: String?
    var servicePlanId: String?
    var campaignId: String?
    var phoneNumber: String?
    var health: HealthLevel?
    var errorCodes: [String]
    /// `nil` in a snapshot of row format v1, which has no `sms_ready`.
    var smsReady: Bool?

    /// A column of ``NumberRow/columns`` as a key.
    struct ColumnKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ column: RowColumn) { stringValue = column.name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(
        projectId: String?, servicePlanId: String?, campaignId: String?, phoneNumber: String?, health: HealthLevel?,
        errorCodes: [String], smsReady: Bool?
    ) {
        self.projectId = projectId
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.phoneNumber = phoneNumber
        self.health = health
        self.errorCodes = errorCodes
        self.smsReady = smsReady
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ColumnKey.self)
        projectId = try container.decodeIfPresent(String.self, forKey: ColumnKey(NumberRow.projectID))
        servicePlanId = try container.decodeIfPresent(String.self, forKey: ColumnKey(NumberRow.scopeServicePlanID))
        campaignId = try container.decodeIfPresent(String.self, forKey: ColumnKey(NumberRow.scopeCampaignID))
        phoneNumber = try container.decodeIfPresent(String.self, forKey: ColumnKey(NumberRow.phoneNumber))
        health = try container.decodeIfPresent(HealthLevel.self, forKey: ColumnKey(NumberRow.health))
        smsReady = try container.decodeIfPresent(Bool.self, forKey: ColumnKey(NumberRow.smsReady))
        var codes: [String] = []
        for channel in ProvisioningChannel.allCases {
            let key = ColumnKey(stringValue: channel.errorCodeColumn)
            if let code = try container.decodeIfPresent(String.self, forKey: key), !code.isEmpty {
                codes.append(DiffCodePrefix.channelTexts[channel.index] + code)
            }
        }
        if var list = try? container.nestedUnkeyedContainer(forKey: ColumnKey(NumberRow.schedErrorCodes)) {
            while !list.isAtEnd {
                if let number = try? list.decode(Int.self) {
                    codes.append(DiffCodePrefix.scheduledText + String(number))
                } else {
                    codes.append(DiffCodePrefix.scheduledText + (try list.decode(String.self)))
                }
            }
        }
        errorCodes = codes
    }

    /// Scope and phone number: one number in one scope.
    var identity: String {
        "\(projectId ?? "")\u{1F}\(servicePlanId ?? "")\u{1F}\(campaignId ?? "")\u{1F}\(phoneNumber ?? "")"
    }

    /// A 64-bit FNV-1a hash of the ``identity``: what the old side is kept as in memory (``DiffRowFields/key(format:)``).
    var identityHash: UInt64 { key(format: .current).identity }

    /// A 64-bit FNV-1a hash of the phone number alone: how a number moved between scopes is found.
    var phoneHash: UInt64 { key(format: .current).phone }

    /// The compared state: health level and error codes, as a 64-bit fingerprint (`sms_ready` is compared apart:
    /// a v1 snapshot has none): the hash of the level's name, U+001F and the codes joined by commas.
    var stateFingerprint: UInt64 { key(format: .current).fingerprint }
}

enum FNV1a {
    /// The hash of no bytes.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    static func hash(_ text: String) -> UInt64 {
        var hash = offsetBasis
        add(text, to: &hash)
        return hash
    }

    /// Goes on hashing with the bytes of `text`.
    static func add(_ text: String, to hash: inout UInt64) {
        var text = text
        text.withUTF8 { add($0, to: &hash) }
    }

    /// Goes on hashing with `bytes`.
    static func add(_ bytes: UnsafeBufferPointer<UInt8>, to hash: inout UInt64) {
        var value = hash
        for byte in bytes { add(byte, to: &value) }
        hash = value
    }

    /// Goes on hashing with `byte`.
    static func add(_ byte: UInt8, to hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
}

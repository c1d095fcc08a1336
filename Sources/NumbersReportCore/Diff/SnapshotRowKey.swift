import Foundation

/// What `diff` compares of a row: its identity (scope and phone number), health and error codes.
struct DiffRow: Decodable, Sendable {
    var projectId: String?
    var servicePlanId: String?
    var campaignId: String?
    var phoneNumber: String?
    var health: String?
    var errorCodes: [String]

    private enum CodingKeys: String, CodingKey {
        case projectId = "project_id"
        case servicePlanId = "scope_service_plan_id"
        case campaignId = "scope_campaign_id"
        case phoneNumber = "phone_number"
        case health
        case smsAtt = "sms_att_error_code", smsTmo = "sms_tmo_error_code", mmsAtt = "mms_att_error_code"
        case mmsTmo = "mms_tmo_error_code", smsProv = "sms_prov_error_code", campaignProv = "campaign_prov_error_code"
        case sched = "sched_error_codes"
    }

    init(
        projectId: String?, servicePlanId: String?, campaignId: String?, phoneNumber: String?, health: String?,
        errorCodes: [String]
    ) {
        self.projectId = projectId
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.phoneNumber = phoneNumber
        self.health = health
        self.errorCodes = errorCodes
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        projectId = try container.decodeIfPresent(String.self, forKey: .projectId)
        servicePlanId = try container.decodeIfPresent(String.self, forKey: .servicePlanId)
        campaignId = try container.decodeIfPresent(String.self, forKey: .campaignId)
        phoneNumber = try container.decodeIfPresent(String.self, forKey: .phoneNumber)
        health = try container.decodeIfPresent(String.self, forKey: .health)
        var codes: [String] = []
        let channels = ProvisioningChannel.allCases.map { (CodingKeys(rawValue: $0.errorCodeColumn)!, $0.name) }
        for (key, channel) in channels {
            if let code = try container.decodeIfPresent(String.self, forKey: key), !code.isEmpty {
                codes.append("\(channel):\(code)")
            }
        }
        if var list = try? container.nestedUnkeyedContainer(forKey: .sched) {
            while !list.isAtEnd {
                if let number = try? list.decode(Int.self) {
                    codes.append("sched:\(number)")
                } else {
                    codes.append("sched:\(try list.decode(String.self))")
                }
            }
        }
        errorCodes = codes
    }

    /// Scope and phone number: one number in one scope.
    var identity: String {
        "\(projectId ?? "")\u{1F}\(servicePlanId ?? "")\u{1F}\(campaignId ?? "")\u{1F}\(phoneNumber ?? "")"
    }

    /// A 64-bit FNV-1a hash of the identity: what the old side is kept as in memory.
    var identityHash: UInt64 { FNV1a.hash(identity) }

    /// The compared state: health level and error codes, as a 64-bit fingerprint.
    var stateFingerprint: UInt64 { FNV1a.hash((health ?? "") + "\u{1F}" + errorCodes.joined(separator: ",")) }
}

enum FNV1a {
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

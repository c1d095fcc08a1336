/// Everything about one generated record, cheap to compute (no text rendering) and written to JSON on demand.
///
/// A `nil` object is omitted from the JSON. Free text (`displayName`, `callbackUrl`) is chosen by variant and
/// rendered only when the record is written (see ``FakeText``).
struct FakeRecordPlan: Sendable, Hashable {
    var phoneNumber: String
    var projectId: String
    var regionCode: String
    var displayName: FakeText
    var callbackUrl: FakeText
    var smsConfiguration: FakeSmsConfigurationPlan?
    var mnoConfiguration: FakeMnoPlan?
    var smsProvisioning: FakeProvisioningPlan?
    var campaignProvisioning: FakeProvisioningPlan?
    /// When set, an `etag` field the API reference does not list is added at the top level.
    var etag: String?
    /// When set, the record is sent in a shape that does not decode.
    var damage: Damage?

    /// How a record is made undecodable.
    enum Damage: Int, Sendable, Hashable, CaseIterable {
        /// `smsConfiguration.migrateToSinchTmo` as the string `"true"`.
        case migrateAsString
        /// `smsConfiguration.servicePlanId` as the number `123`.
        case planAsNumber
        /// `displayName` with a lone UTF-16 surrogate escape (`\ud800`), which is not text.
        case loneSurrogate
    }

    /// The latest of all update times in the record (the `updatedTime` sort key), or `nil` if it has none.
    var latestUpdateMicros: Int64? {
        var latest: Int64?
        func consider(_ micros: Int64?) {
            guard let micros else { return }
            latest = max(latest ?? micros, micros)
        }
        if let mno = mnoConfiguration {
            consider(mno.smsAtt?.updateMicros)
            consider(mno.smsTmo?.updateMicros)
            consider(mno.mmsAtt?.updateMicros)
            consider(mno.mmsTmo?.updateMicros)
            consider(mno.mmsVzw?.updateMicros)
        }
        consider(smsProvisioning?.updateMicros)
        consider(campaignProvisioning?.updateMicros)
        consider(smsConfiguration?.scheduledProvisioning?.lastUpdatedMicros)
        return latest
    }

    /// Writes the record as one JSON object, keys in the order of the API reference.
    func write(to writer: inout FakeJSONWriter) {
        writer.beginObject()
        writer.field("phoneNumber", phoneNumber)
        writer.field("projectId", projectId)
        writer.field("regionCode", regionCode)
        if damage == .loneSurrogate {
            writer.key("displayName")
            writer.raw(#""Store \ud800 front""#.utf8)
        } else {
            writer.field("displayName", displayName.rendered)
        }
        writer.field("callbackUrl", callbackUrl.rendered)
        if let damage, damage != .loneSurrogate {
            writer.key("smsConfiguration")
            writer.beginObject()
            if damage == .planAsNumber {
                writer.field("servicePlanId", 123)
            } else {
                writer.field("servicePlanId", smsConfiguration?.servicePlanId ?? "")
            }
            writer.field("campaignId", smsConfiguration?.campaignId ?? "")
            if damage == .migrateAsString { writer.field("migrateToSinchTmo", "true") }
            writer.endObject()
        } else if let smsConfiguration {
            writer.key("smsConfiguration")
            smsConfiguration.write(to: &writer)
        }
        if let mnoConfiguration {
            writer.key("mnoConfiguration")
            mnoConfiguration.write(to: &writer)
        }
        if let smsProvisioning {
            writer.key("smsProvisioning")
            smsProvisioning.write(to: &writer)
        }
        if let campaignProvisioning {
            writer.key("campaignProvisioning")
            campaignProvisioning.write(to: &writer)
        }
        if let etag { writer.field("etag", etag) }
        writer.endObject()
    }
}

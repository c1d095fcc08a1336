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
        writer.field("displayName", displayName.rendered)
        writer.field("callbackUrl", callbackUrl.rendered)
        if let smsConfiguration {
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

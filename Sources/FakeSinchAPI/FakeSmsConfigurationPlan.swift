/// `smsConfiguration` of a generated record; a `nil` id is omitted from the JSON.
struct FakeSmsConfigurationPlan: Sendable, Hashable {
    var servicePlanId: String?
    var campaignId: String?
    var migrateToSinchTmo: Bool
    var scheduledProvisioning: FakeScheduledPlan?

    func write(to writer: inout FakeJSONWriter) {
        writer.beginObject()
        if let servicePlanId { writer.field("servicePlanId", servicePlanId) }
        if let campaignId { writer.field("campaignId", campaignId) }
        writer.field("migrateToSinchTmo", migrateToSinchTmo)
        if let scheduledProvisioning {
            writer.key("scheduledProvisioning")
            scheduledProvisioning.write(to: &writer)
        }
        writer.endObject()
    }
}

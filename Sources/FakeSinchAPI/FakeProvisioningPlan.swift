/// `smsProvisioning` or `campaignProvisioning` of a generated record.
struct FakeProvisioningPlan: Sendable, Hashable {
    var serviceType: String
    var serviceId: String
    var type: String
    var state: String
    var updateMicros: Int64?
    var errorMessage: String
    var errorCode: String

    func write(to writer: inout FakeJSONWriter) {
        writer.beginObject()
        writer.field("serviceType", serviceType)
        writer.field("serviceId", serviceId)
        writer.field("type", type)
        writer.field("state", state)
        if let updateMicros {
            writer.key("updateTime")
            writer.timestamp(micros: updateMicros)
        }
        writer.field("errorMessage", errorMessage)
        writer.field("errorCode", errorCode)
        writer.endObject()
    }
}

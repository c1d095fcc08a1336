/// `smsConfiguration.scheduledProvisioning` of a generated record.
///
/// The API documents `status` and `errorCodes` as integers with undocumented values; the fake sometimes sends
/// them as strings, or omits `errorCodes`, to test defensive decoders.
struct FakeScheduledPlan: Sendable, Hashable {
    enum Status: Sendable, Hashable {
        case integer(Int)
        case string(String)
    }

    enum ErrorCodes: Sendable, Hashable {
        case integers([Int])
        case strings([String])
        case absent
    }

    var servicePlanId: String
    var campaignId: String
    var status: Status
    var lastUpdatedMicros: Int64
    var errorCodes: ErrorCodes

    func write(to writer: inout FakeJSONWriter) {
        writer.beginObject()
        writer.field("servicePlanId", servicePlanId)
        writer.field("campaignId", campaignId)
        writer.key("status")
        switch status {
        case .integer(let value): writer.int(value)
        case .string(let value): writer.string(value)
        }
        writer.key("lastUpdatedTime")
        writer.timestamp(micros: lastUpdatedMicros)
        switch errorCodes {
        case .integers(let codes):
            writer.key("errorCodes")
            writer.beginArray()
            for code in codes { writer.int(code) }
            writer.endArray()
        case .strings(let codes):
            writer.key("errorCodes")
            writer.beginArray()
            for code in codes { writer.string(code) }
            writer.endArray()
        case .absent:
            break
        }
        writer.endObject()
    }
}

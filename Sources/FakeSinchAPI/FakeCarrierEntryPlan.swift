/// One `mnoConfiguration` entry (`smsAtt`, `smsTmo`, …) of a generated record.
///
/// A `nil` property means the field is omitted from the JSON.
struct FakeCarrierEntryPlan: Sendable, Hashable {
    var state: String?
    var errorCode: String?
    var errorMessage: String?
    var updateMicros: Int64?
    var operation: String?

    /// A healthy entry: `DONE`, `PROVISIONING`, no error.
    static func done(at micros: Int64) -> FakeCarrierEntryPlan {
        FakeCarrierEntryPlan(
            state: "DONE", errorCode: "", errorMessage: "", updateMicros: micros, operation: "PROVISIONING")
    }

    func write(to writer: inout FakeJSONWriter) {
        writer.beginObject()
        if let state { writer.field("state", state) }
        if let errorCode { writer.field("errorCode", errorCode) }
        if let errorMessage { writer.field("errorMessage", errorMessage) }
        if let updateMicros {
            writer.key("updateTime")
            writer.timestamp(micros: updateMicros)
        }
        if let operation { writer.field("operation", operation) }
        writer.endObject()
    }
}

/// One finding about a number: the level it sets, its kind (the reason catalog's key) and a stable code with
/// detail, e.g. `sms_tmo:FAILED:60135`, `campaign_prov:IN_PROGRESS:81h`, `scope_mismatch:campaignId`,
/// `sched:FAILED:EXCEEDED_10DLC_LIMIT`, `unknown_state:sms_tmo:NEW_VALUE`.
public struct HealthReason: Sendable, Hashable, CustomStringConvertible {
    /// The level this finding sets.
    public var level: HealthLevel
    /// What kind of finding it is: the key of its ``ReasonCatalog`` entry.
    public var kind: Kind
    /// The stable code with its detail, as written in `health_reasons`.
    public var code: String
    /// The error or failure code the API gave with it (`60135`, `EXCEEDED_10DLC_LIMIT`), when there is one.
    public var errorCode: String?
    /// The carrier's or the API's message that came with the code, when there is one.
    public var message: String?

    public init(level: HealthLevel, kind: Kind, code: String, errorCode: String? = nil, message: String? = nil) {
        self.level = level
        self.kind = kind
        self.code = code
        self.errorCode = errorCode
        self.message = message
    }

    public var description: String { code }
}

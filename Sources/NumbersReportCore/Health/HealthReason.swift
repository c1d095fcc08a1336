/// One finding about a number: a stable code with detail, e.g. `sms_tmo:FAILED:60135`,
/// `campaign_prov:IN_PROGRESS:81h`, `scope_mismatch:campaignId`, `unknown_state:sms_tmo:NEW_VALUE`.
public struct HealthReason: Sendable, Hashable, CustomStringConvertible {
    /// The level this finding sets; `nil` for a note that does not change the level (an unknown state).
    public var level: HealthLevel?
    public var code: String

    public init(level: HealthLevel?, code: String) {
        self.level = level
        self.code = code
    }

    public var description: String { code }
}

/// The judgement of one number: its level, every finding worst first, and since when it waits.
public struct HealthVerdict: Sendable, Hashable {
    /// The worst level among the findings; `HEALTHY` when there is none.
    public var level: HealthLevel
    /// Worst first; notes without a level last; in operation order within a level.
    public var reasons: [HealthReason]
    /// The oldest update time (as received) among operations still in flight.
    public var pendingSince: String?

    public init(level: HealthLevel, reasons: [HealthReason], pendingSince: String?) {
        self.level = level
        self.reasons = reasons
        self.pendingSince = pendingSince
    }
}

/// The judgement of one number: its level, every finding worst first, whether it can send SMS, and since when it
/// waits.
public struct HealthVerdict: Sendable, Hashable {
    /// The worst level among the findings; `HEALTHY` when there is none.
    public var level: HealthLevel
    /// Worst first; in operation order within a level.
    public var reasons: [HealthReason]
    /// The oldest update time (as received) among operations still in flight.
    public var pendingSince: String?
    /// Whether everything the API said shows that the number can send SMS under the scope's campaign today
    /// (`sms_ready`); MMS findings never change it.
    public var smsReady: Bool

    public init(level: HealthLevel, reasons: [HealthReason], pendingSince: String?, smsReady: Bool) {
        self.level = level
        self.reasons = reasons
        self.pendingSince = pendingSince
        self.smsReady = smsReady
    }

    /// The verdict on `findings`, given in the order the rules met them: sorted worst first, keeping that order
    /// within a level; the level is the worst, `HEALTHY` without findings.
    init(findings: [HealthReason], pendingSince: String?, smsReady: Bool) {
        let ordered = findings.enumerated().sorted { lhs, rhs in
            lhs.element.level != rhs.element.level ? lhs.element.level > rhs.element.level : lhs.offset < rhs.offset
        }.map(\.element)
        self.init(
            level: ordered.first?.level ?? .healthy, reasons: ordered, pendingSince: pendingSince, smsReady: smsReady)
    }

    /// The verdict on a record that could not be decoded: `REVIEW`, not ready.
    static let undecodable = HealthVerdict(
        level: .review, reasons: [HealthReason(level: .review, kind: .undecodableRecord, code: "undecodable_record")],
        pendingSince: nil, smsReady: false)
}

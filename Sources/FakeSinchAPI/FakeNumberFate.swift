/// Where one number stands after some nights of ``FakeNightPlan``.
enum FakeNumberFate: Sendable, Hashable {
    /// As generated.
    case unchanged
    /// Failed on night `since`; `variant` picks the failure.
    case failed(since: Int, variant: UInt64)
    /// Stuck in flight since night `since`; `variant` picks how long before that night it was last updated.
    case stalled(since: Int, variant: UInt64)
    /// Every operation `DONE`.
    case recovered
    /// No longer served.
    case removed

    /// The scheduled failure codes drawn (each with a catalog entry).
    static let scheduledCodes = ["EXCEEDED_10DLC_LIMIT", "CAMPAIGN_MNO_REJECTED"]

    /// The fate after night `night`, whose draw for this number is `draw` (see ``FakeNightPlan`` for the rates).
    func next(night: Int, draw: UInt64) -> FakeNumberFate {
        let roll = draw % 1000
        let variant = draw / 1000
        switch self {
        case .removed:
            return .removed
        case .failed, .stalled:
            if roll < FakeNightPlan.clearPerMille { return .recovered }
            if roll < FakeNightPlan.clearPerMille + FakeNightPlan.removePerMille { return .removed }
            return self
        case .unchanged, .recovered:
            var bound = FakeNightPlan.failPerMille
            if roll < bound { return .failed(since: night, variant: variant) }
            bound += FakeNightPlan.stallPerMille
            if roll < bound { return .stalled(since: night, variant: variant) }
            bound += FakeNightPlan.recoverPerMille
            if roll < bound { return .recovered }
            bound += FakeNightPlan.removePerMille
            if roll < bound { return .removed }
            return self
        }
    }

    /// The change this fate makes to the number's record on night `tonight`; `nil` for none.
    func change(tonight: Int) -> FakeNumberChange? {
        switch self {
        case .unchanged, .removed:
            return nil
        case .recovered:
            return .recovered
        case .failed(let since, let variant):
            let hoursAgo = 24 * (tonight - since) + 1 + Int((variant / 3) % 6)
            if variant % 3 == 2 {
                let code = Self.scheduledCodes[Int((variant / 18) % UInt64(Self.scheduledCodes.count))]
                return .scheduledFailed(errorCode: code, hoursAgo: hoursAgo)
            }
            let carrier = FakeDataSet.carrierErrors[1]
            return .smsTmoRejected(errorCode: carrier.code, errorMessage: carrier.message, hoursAgo: hoursAgo)
        case .stalled(let since, let variant):
            return .stalled(hoursAgo: 24 * (tonight - since) + 80 + Int(variant % 12))
        }
    }
}

/// A change to one generated number, to simulate what happens between two nights (for `diff` and
/// the report's "changes since the previous snapshot").
public enum FakeNumberChange: Sendable, Hashable {
    /// T-Mobile SMS provisioning fails with `errorCode` (e.g. `60135`).
    case smsTmoFailed(errorCode: String)
    /// Every operation is `DONE` without errors, on the scope's plan and campaign: the number recovered.
    case recovered
    /// T-Mobile SMS provisioning `FAILED` with the carrier's `errorCode` and `errorMessage`, updated `hoursAgo`
    /// hours before the reference time.
    case smsTmoRejected(errorCode: String, errorMessage: String, hoursAgo: Int)
    /// The scheduled provisioning (towards the scope's own plan and campaign) `FAILED` with `errorCode`
    /// (`EXCEEDED_10DLC_LIMIT`), last updated `hoursAgo` hours before the reference time.
    case scheduledFailed(errorCode: String, hoursAgo: Int)
    /// T-Mobile SMS provisioning still `IN_PROGRESS`, last updated `hoursAgo` hours before the reference time: an
    /// operation stuck in flight, stale once `hoursAgo` passes the run's threshold (72 h by default).
    case stalled(hoursAgo: Int)
}

/// A change to one generated number, to simulate what happens between two nights (for `diff` and
/// the report's "changes since the previous snapshot").
public enum FakeNumberChange: Sendable, Hashable {
    /// T-Mobile SMS provisioning fails with `errorCode` (e.g. `60135`).
    case smsTmoFailed(errorCode: String)
    /// Every operation is `DONE` without errors, on the scope's plan and campaign: the number recovered.
    case recovered
}

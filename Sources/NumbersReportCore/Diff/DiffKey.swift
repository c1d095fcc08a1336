/// A row as the comparison sorts it: its identity, state and position in its file (32 bytes).
struct DiffKey: BitwiseCopyable, Sendable {
    var identity: UInt64
    var fingerprint: UInt64
    var phone: UInt64
    var position: UInt32
    var health: UInt8
    var ready: UInt8
    /// Its scope was not read to the end tonight (old rows only).
    var unfetched: Bool

    /// By identity, then position: a key's first row first.
    @Sendable static func precedes(_ left: DiffKey, _ right: DiffKey) -> Bool {
        (left.identity, left.position) < (right.identity, right.position)
    }
}

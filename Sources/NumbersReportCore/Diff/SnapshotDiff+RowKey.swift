extension SnapshotDiff {
    /// A new row as kept while the rows are written, in file order: 32 bytes.
    struct RowKey: Sendable, Hashable, BitwiseCopyable {
        var identity: UInt64
        var fingerprint: UInt64
        var phone: UInt64
        var health: UInt8
        var ready: UInt8

        init(identity: UInt64, fingerprint: UInt64, phone: UInt64, health: UInt8, ready: UInt8) {
            self.identity = identity
            self.fingerprint = fingerprint
            self.phone = phone
            self.health = health
            self.ready = ready
        }

        func key(position: UInt32, unfetched: Bool = false) -> DiffKey {
            DiffKey(
                identity: identity, fingerprint: fingerprint, phone: phone, position: position, health: health,
                ready: ready, unfetched: unfetched)
        }
    }
}

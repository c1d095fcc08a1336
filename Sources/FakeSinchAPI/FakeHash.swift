/// Small, fast, deterministic hashing for the generated data set and page tokens.
///
/// Not cryptographic: the page-token signature only has to catch edited or foreign tokens in tests.
enum FakeHash {
    /// The SplitMix64 finaliser: a good 64-bit mix of one value.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A hash of a seed, scope index, record index and a salt naming what the value is for.
    @inline(__always)
    static func value(seed: UInt64, scope: Int, index: Int, salt: UInt64) -> UInt64 {
        mix(
            seed
                ^ mix(
                    UInt64(truncatingIfNeeded: scope) &* 0xD6E8_FEB8_6659_FD93
                        ^ mix(UInt64(truncatingIfNeeded: index) ^ (salt &* 0xA076_1D64_78BD_642F))))
    }

    /// FNV-1a over bytes, started from `basis` (use a keyed basis for a cheap MAC).
    static func fnv1a<Bytes: Sequence>(_ bytes: Bytes, basis: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64
    where Bytes.Element == UInt8 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

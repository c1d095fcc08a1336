/// A page token reduced to 24 bytes, to remember which tokens a scope has sent without keeping them:
/// a server may send tokens of tens of kilobytes, and a scope may have 100,000 pages.
///
/// Two 64-bit SipHash values (Swift's `Hasher`, keyed at random per process) of the token under two
/// different prefixes, and the token's length. Why this is sound for loop detection:
/// - a chance collision of 128 keyed bits plus the length is about 2⁻¹²⁸ per pair: it will not happen;
/// - a server cannot aim for a collision, because the SipHash key is secret and new in every process
///   (SipHash is a keyed pseudo-random function, unlike FNV, whose collisions can be computed offline);
/// - and the worst a collision could do is report a loop and stop the scope, which a hostile server can
///   do anyway by repeating a token: no false data can come of it.
/// Digests are only ever compared within one run (one process), so the per-process key does not matter.
struct PageTokenDigest: Hashable, Sendable {
    private let length: Int
    private let first: Int
    private let second: Int

    init(_ token: String) {
        length = token.utf8.count
        var hasher = Hasher()
        hasher.combine(0x5049_4E47 as UInt32)  // domain of the first half
        hasher.combine(token)
        first = hasher.finalize()
        var other = Hasher()
        other.combine(0x504F_4E47 as UInt32)  // domain of the second half
        other.combine(token)
        second = other.finalize()
    }
}

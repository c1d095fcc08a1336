/// How a ``GzipSink`` cuts what it writes into gzip members. A gzip file may hold members one after another
/// (RFC 1952, 2.2), and every gzip reader (`gzip`, zlib, Python's `gzip`, DuckDB) reads them as one stream.
public enum GzipMembers: Sendable, Hashable {
    /// A member for each `inputBytes` of input, cut at those offsets of the input however it is written (the last
    /// one shorter; an empty one when there is no input), each deflated whole by libdeflate: about twice zlib's
    /// speed for the same size. At level 6, the 381 MB of NDJSON of a 200,000-number night take 1.0 CPU-s for
    /// 22.7 MB in 1 MiB members, where zlib's stream takes 1.9 CPU-s for 22.5 MB.
    case every(inputBytes: Int)
    /// One member however long, deflated by zlib as a stream: what snapshots written before libdeflate hold, so
    /// that `render` of such a night writes the same bytes again.
    case one

    /// A member for each MiB of input. Deflate looks back 32 KiB, so a member this long loses little to the restart
    /// (the NDJSON above: 22.7 MB in 1 MiB members, 22.5 MB in 4 MiB ones), and a sink holds about 2 MiB.
    public static let standard = GzipMembers.every(inputBytes: standardInputBytes)
    /// The input of a ``standard`` member: 1 MiB.
    public static let standardInputBytes = 1 << 20
}

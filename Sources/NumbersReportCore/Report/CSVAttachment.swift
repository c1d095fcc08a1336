/// What the email attaches of `numbers.csv`, decided and prepared while the CSV is joined
/// (``CSVAttachmentTap``), so the email never reads the CSV back.
enum CSVAttachment: Sendable, Hashable {
    /// Small enough to attach as it is: its bytes.
    case plain([UInt8])
    /// Attached as `numbers.csv.gz`: the gzip bytes.
    case gzipped([UInt8])
    /// Not attached: why, as the middle of the note the email carries instead (e.g. `it is `,
    /// `even gzipped, it is `).
    case notAttached(String)
}

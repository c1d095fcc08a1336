/// The part files of one scope inside a partial snapshot, written while the scope is read and joined
/// into the payload in config order at publication (see ``SnapshotDirectory/partFiles(scopeIndex:)``).
public struct ScopePartFiles: Sendable, Hashable {
    /// CSV records, without the header.
    public let csv: String
    /// One gzip member of NDJSON rows.
    public let ndjson: String
    /// One gzip member of raw page lines.
    public let rawPages: String
    /// Where the part's scratch files go (``ScratchFileWriter``): the parts' own directory.
    public let scratchDirectory: String
    /// The mode they are created with (`output.fileMode`).
    public var mode: Int = OutputSettings.defaultFileMode
}

/// A gzip file could not be read to its end: it is truncated, corrupt, or holds a line longer than the
/// reader accepts. Names the file.
public struct GzipReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The gzip file.
    public var path: String
    /// What is wrong, in words.
    public var reason: String

    /// An error about the gzip file at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot read \(path): \(reason)" }
}

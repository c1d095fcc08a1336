#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file could not be created, written, synced or renamed.
public struct OutputFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being done: `create`, `write`, `fsync`, `rename`, …
    public var operation: String
    public var path: String
    public var errno: Int32

    public init(operation: String, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(errno)))"
    }
}

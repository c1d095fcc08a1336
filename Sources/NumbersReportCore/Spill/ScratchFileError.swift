import ReportWriters

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scratch file could not be made, written or read back (the output's file system full, its directory gone):
/// a failure of tonight's run, never of the earlier night it was comparing with.
struct ScratchFileError: Error, CustomStringConvertible {
    var operation: String
    var path: String
    /// The C library's error, or 0 when the file simply ended early (or ``reason`` says what is wrong).
    var errno: Int32
    /// What is wrong when it is not the C library's error: a deflated scratch file that does not inflate.
    var reason: String?

    init(operation: String, path: String, errno: Int32, reason: String? = nil) {
        self.operation = operation
        self.path = path
        self.errno = errno
        self.reason = reason
    }

    /// A writing error of the sink under a scratch file.
    init(_ error: OutputFileError) {
        self.init(operation: error.operation, path: error.path, errno: error.errno)
    }

    var description: String {
        "cannot \(operation) scratch file \(path): "
            + (reason ?? (errno == 0 ? "it ends before the bytes asked for" : String(cString: strerror(errno))))
    }
}

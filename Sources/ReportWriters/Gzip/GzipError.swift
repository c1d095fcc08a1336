/// zlib, libdeflate or igzip refused to start or to go on compressing.
public struct GzipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The library call that failed, as `deflateInit2` (zlib), `libdeflate_gzip_compress` or `isal_deflate`.
    public var operation: String
    public var code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "\(operation) failed with code \(code)" }
}

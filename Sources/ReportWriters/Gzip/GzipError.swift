/// zlib refused to start or to go on compressing.
public struct GzipError: Error, Hashable, Sendable, CustomStringConvertible {
    public var operation: String
    public var code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "zlib \(operation) failed with code \(code)" }
}

/// Where a writer's bytes go: a file, a compressor in front of a file, a hash beside it, a buffer
/// in a test. Sinks are owned by one task at a time.
public protocol ByteSink: AnyObject {
    /// Takes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Flushes what is buffered and releases the sink's resources; later writes are errors.
    func close() throws
}

extension ByteSink {
    /// Takes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

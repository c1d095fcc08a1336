/// A sink that keeps everything in memory: for tests and small files.
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public private(set) var isClosed = false

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!isClosed, "write after close")
        self.bytes.append(contentsOf: bytes)
    }

    public func close() throws { isClosed = true }
}

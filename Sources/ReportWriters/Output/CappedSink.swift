/// Passes bytes on until more than `limit` have gone through, then refuses with ``LimitExceeded``:
/// for output that is only worth finishing while it stays small.
public final class CappedSink: ByteSink {
    /// More than the limit was written.
    public struct LimitExceeded: Error, Hashable, Sendable {
        public var limit: Int
    }

    private let downstream: any ByteSink
    public let limit: Int
    public private(set) var byteCount = 0

    public init(downstream: any ByteSink, limit: Int) {
        self.downstream = downstream
        self.limit = limit
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        byteCount += bytes.count
        guard byteCount <= limit else { throw LimitExceeded(limit: limit) }
        try downstream.write(bytes)
    }

    public func close() throws { try downstream.close() }
}

/// Compresses what it is given into gzip members (``GzipMembers``) and passes them to another sink.
///
/// The gzip headers carry no file name and mtime 0, so the same input gives the same bytes however it is written.
/// ``close()`` finishes the last member and closes the downstream sink.
public final class GzipSink: ByteSink {
    private let downstream: any ByteSink
    private let compressor: Compressor
    private var finished = false
    /// Uncompressed bytes taken so far.
    public private(set) var uncompressedByteCount = 0

    private enum Compressor {
        case members(MemberDeflater)
        case stream(Deflater)
    }

    /// - Parameters:
    ///   - level: 0 (store) to 9 (smallest); 6 is gzip's default.
    ///   - members: how the output is cut into members.
    public init(downstream: any ByteSink, level: Int32 = 6, members: GzipMembers = .standard) throws {
        self.downstream = downstream
        switch members {
        case .every(let inputBytes):
            compressor = .members(try MemberDeflater(level: level, memberInputBytes: inputBytes))
        case .one:
            compressor = .stream(try Deflater(level: level))
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "write after close")
        uncompressedByteCount += bytes.count
        switch compressor {
        case .members(let deflater): try deflater.compress(bytes) { try downstream.write($0) }
        case .stream(let deflater): try deflater.compress(bytes) { try downstream.write($0) }
        }
    }

    public func close() throws {
        guard !finished else { return }
        finished = true
        switch compressor {
        case .members(let deflater): try deflater.finish { try downstream.write($0) }
        case .stream(let deflater): try deflater.finish { try downstream.write($0) }
        }
        try downstream.close()
    }
}

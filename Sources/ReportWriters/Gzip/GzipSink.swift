/// Compresses what it is given into gzip members (``GzipMembers``) and passes them to another sink.
///
/// The gzip headers carry no file name and mtime 0, so the same input gives the same bytes however it is written.
/// ``close()`` finishes the last member and closes the downstream sink.
public final class GzipSink: ByteSink {
    private let downstream: any ByteSink
    private let compressor: any Compressor
    private var finished = false
    /// Uncompressed bytes taken so far.
    public private(set) var uncompressedByteCount = 0

    /// What deflates the members: libdeflate's ``MemberDeflater`` or zlib's ``Deflater``.
    protocol Compressor {
        func compress(_ bytes: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws
        func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws
    }

    /// - Parameters:
    ///   - level: 0 (store) to 9 (smallest); 6 is gzip's default.
    ///   - members: how the output is cut into members.
    public init(downstream: any ByteSink, level: Int32 = 6, members: GzipMembers = .standard) throws {
        self.downstream = downstream
        switch members {
        case .every(let inputBytes): compressor = try MemberDeflater(level: level, memberInputBytes: inputBytes)
        case .one: compressor = try Deflater(level: level)
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "write after close")
        uncompressedByteCount += bytes.count
        try compressor.compress(bytes) { try downstream.write($0) }
    }

    public func close() throws {
        guard !finished else { return }
        finished = true
        try compressor.finish { try downstream.write($0) }
        try downstream.close()
    }
}

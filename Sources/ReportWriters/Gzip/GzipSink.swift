import CZlib

/// Compresses what it is given into one gzip member and passes it to another sink.
///
/// The gzip header carries no file name and mtime 0, so the same input gives the same bytes.
/// ``close()`` finishes the member and closes the downstream sink.
public final class GzipSink: ByteSink {
    private let downstream: any ByteSink
    private let deflater: Deflater
    private var finished = false
    /// Uncompressed bytes taken so far.
    public private(set) var uncompressedByteCount = 0

    /// - Parameter level: 0 (store) to 9 (smallest); 6 is gzip's default.
    public init(downstream: any ByteSink, level: Int32 = 6) throws {
        self.downstream = downstream
        // MAX_WBITS + 16 asks for a gzip wrapper (header mtime 0, no name).
        deflater = try Deflater(level: level, windowBits: MAX_WBITS + 16)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "write after close")
        uncompressedByteCount += bytes.count
        try deflater.compress(bytes) { try downstream.write($0) }
    }

    public func close() throws {
        guard !finished else { return }
        finished = true
        try deflater.finish { try downstream.write($0) }
        try downstream.close()
    }
}

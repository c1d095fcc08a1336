import CZlib

/// Compresses what it is given into one gzip member and passes it to another sink.
///
/// The gzip header carries no file name and mtime 0, so the same input gives the same bytes.
/// ``close()`` finishes the member and closes the downstream sink.
public final class GzipSink: ByteSink {
    private let downstream: any ByteSink
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8]
    private var finished = false
    /// Uncompressed bytes taken so far.
    public private(set) var uncompressedByteCount = 0

    /// - Parameter level: 0 (store) to 9 (smallest); 6 is gzip's default.
    public init(downstream: any ByteSink, level: Int32 = 6) throws {
        self.downstream = downstream
        output = [UInt8](repeating: 0, count: 1 << 16)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // deflateInit2 is a macro; MAX_WBITS + 16 asks for a gzip wrapper (header mtime 0, no name).
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GzipError(operation: "deflateInit2", code: status)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "write after close")
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        uncompressedByteCount += bytes.count
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        try pump(flush: Z_NO_FLUSH)
    }

    public func close() throws {
        guard !finished else { return }
        finished = true
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try pump(flush: Z_FINISH)
        try downstream.close()
    }

    private func pump(flush: Int32) throws {
        let capacity = output.count
        repeat {
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(capacity)
                let status = deflate(stream, flush)
                return (status, capacity - Int(stream.pointee.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw GzipError(operation: "deflate", code: status)
            }
            if produced > 0 {
                try output.withUnsafeBytes { try downstream.write(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
            }
            if flush == Z_FINISH ? status == Z_STREAM_END : stream.pointee.avail_out != 0 { break }
        } while true
        stream.pointee.next_in = nil
    }
}

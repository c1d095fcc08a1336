import CZlib

/// A zlib deflate stream (gzip wrapper) that hands what it produces to a closure: the compressor behind
/// ``GzipSink`` for ``GzipMembers/one``, the form of nights recorded before libdeflate.
final class Deflater: GzipSink.Compressor {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8]

    /// `MAX_WBITS + 16` asks zlib for a gzip wrapper (header mtime 0, no name).
    private static let gzipWindowBits = MAX_WBITS + 16

    /// - Parameter level: 0 (store) to 9 (smallest).
    init(level: Int32) throws {
        output = [UInt8](repeating: 0, count: 1 << 16)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // deflateInit2 is a macro.
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, Self.gzipWindowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
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

    /// Compresses `bytes`, handing every output chunk to `emit`.
    func compress(_ bytes: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        try pump(flush: Z_NO_FLUSH, emit: emit)
    }

    /// Ends the stream, handing the last chunks to `emit`.
    func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try pump(flush: Z_FINISH, emit: emit)
    }

    private func pump(flush: Int32, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
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
                try output.withUnsafeBytes { try emit(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
            }
            if flush == Z_FINISH ? status == Z_STREAM_END : stream.pointee.avail_out != 0 { break }
        } while true
        stream.pointee.next_in = nil
    }
}

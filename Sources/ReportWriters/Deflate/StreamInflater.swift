import CISAL

/// Inflates a raw deflate stream (as ``StreamDeflater`` writes it) by igzip, handing what it produces to a closure,
/// as the compressed bytes come.
public final class StreamInflater {
    private let state: UnsafeMutablePointer<inflate_state>
    private let output: UnsafeMutableRawBufferPointer

    /// - Parameter chunkBytes: the most handed to the closure at once.
    public init(chunkBytes: Int = 1 << 18) {
        state = .allocate(capacity: 1)
        state.initialize(to: inflate_state())
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(IGZIP_DEFLATE)
        output = .allocate(byteCount: max(1, chunkBytes), alignment: 16)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        output.deallocate()
    }

    /// Whether the stream's last block has been inflated and handed out.
    public var isFinished: Bool { state.pointee.block_state == ISAL_BLOCK_FINISH }

    /// Inflates the next compressed bytes, handing every chunk of output to `emit`. Bytes after the stream's end
    /// are not read.
    /// - Throws: ``GzipError`` (`isal_inflate`) when the bytes are not a valid deflate stream.
    public func inflate(_ compressed: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = compressed.baseAddress, compressed.count > 0 else { return }
        state.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        state.pointee.avail_in = UInt32(compressed.count)
        while true {
            state.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
            state.pointee.avail_out = UInt32(output.count)
            let status = isal_inflate(state)
            guard status >= 0 else { throw GzipError(operation: "isal_inflate", code: status) }
            let produced = output.count - Int(state.pointee.avail_out)
            if produced > 0 { try emit(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
            // Room left in the output: igzip stopped because the input is all taken (or the stream ended). A full
            // output may leave more waiting inside igzip, even with the input all taken.
            if isFinished || state.pointee.avail_out > 0 { break }
        }
        state.pointee.next_in = nil
    }
}

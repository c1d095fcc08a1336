import CLibDeflate
import CZlib

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a gzip file (one or more members) and hands out its lines, streaming.
///
/// Linear in the file's size whatever its line lengths: each inflated byte is searched for `\n` once,
/// and consumed lines are dropped from the buffer only when they are at least half of it. A line longer
/// than ``maximumLineLength`` is an error rather than a reason to hold the whole file in memory.
///
/// A member that lies whole in the read buffer and inflates to at most ``wholeMemberOutputBytes`` (the members of
/// 1 MiB that ``GzipSink`` writes) is inflated in one call by libdeflate, about twice zlib's speed; any other member
/// (one zlib stream a scope, as earlier nights were written, or a damaged one) goes through zlib's stream, which
/// also names what is wrong with it.
public final class GzipReader {
    /// The longest line handed out (64 MiB unless given): a longer one throws ``GzipReadError``.
    public static let defaultMaximumLineLength = 64 << 20

    public let path: String
    /// The longest line this reader hands out.
    public let maximumLineLength: Int
    private let file: UnsafeMutablePointer<FILE>
    private let stream: UnsafeMutablePointer<z_stream>
    private let decompressor: OpaquePointer
    /// Compressed bytes read ahead: refilled when less than half is left, so a whole member of
    /// ``GzipMembers/standard`` fits in what is left even when it did not compress.
    private var input = [UInt8](repeating: 0, count: 4 << 20)
    private var inputLength = 0
    private var inputOffset = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    /// Where libdeflate inflates a whole member.
    private let member: UnsafeMutableRawBufferPointer
    /// Inflated bytes; `output[lineStart...]` is not handed out yet.
    private var output: [UInt8] = []
    private var lineStart = 0
    /// `output[lineStart..<searched]` holds no `\n`.
    private var searched = 0
    /// Whether the current gzip member has started and not ended (so the file may not end here).
    private var insideMember = false
    private var endOfFile = false
    private var finished = false

    /// Opens `path`.
    /// - Parameter maximumLineLength: the longest line accepted, in bytes.
    public init(path: String, maximumLineLength: Int = GzipReader.defaultMaximumLineLength) throws {
        self.path = path
        self.maximumLineLength = maximumLineLength
        guard let file = fopen(path, "rb") else { throw OutputFileError(operation: "open", path: path, errno: errno) }
        self.file = file
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, MAX_WBITS + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK, let decompressor = libdeflate_alloc_decompressor() else {
            if status == Z_OK { inflateEnd(stream) }
            fclose(file)
            stream.deallocate()
            throw GzipError(operation: status == Z_OK ? "libdeflate_alloc_decompressor" : "inflateInit2", code: status)
        }
        self.decompressor = decompressor
        // Allocated last: nothing throws after it, so it is always freed by deinit.
        member = .allocate(byteCount: Self.wholeMemberOutputBytes, alignment: 16)
    }

    /// The most a member may inflate to for libdeflate to inflate it in one call: a ``GzipMembers/standard``
    /// member.
    public static let wholeMemberOutputBytes = GzipMembers.standardInputBytes

    deinit {
        libdeflate_free_decompressor(decompressor)
        member.deallocate()
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        fclose(file)
    }

    /// The next line without its `\n`; `nil` at the end.
    /// - Throws: ``GzipReadError`` (naming the file) when the file is truncated or corrupt or a line is
    ///   longer than ``maximumLineLength``; ``OutputFileError`` when reading fails.
    public func nextLine() throws -> [UInt8]? {
        guard let line = try nextLineBounds() else { return nil }
        return Array(output[line])
    }

    /// Hands the next line, without its `\n`, to `body` where it lies in the reader's buffer (no copy made); `nil`
    /// at the end. The bytes are valid only inside `body`.
    /// - Throws: what ``nextLine()`` throws, and what `body` throws.
    public func withNextLine<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result? {
        guard let line = try nextLineBounds() else { return nil }
        return try output.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[line])) }
    }

    /// Where the next line lies in `output` (handed out: the buffer keeps it until the next call); `nil` at the end.
    private func nextLineBounds() throws -> Range<Int>? {
        while true {
            if let newline = findNewline() {
                let line = lineStart..<newline
                lineStart = newline + 1
                searched = lineStart
                return line
            }
            if output.count - lineStart > maximumLineLength {
                throw GzipReadError(
                    path: path, reason: "a line is longer than \(maximumLineLength) bytes (the limit of this reader)")
            }
            if finished {
                guard lineStart < output.count else { return nil }
                let line = lineStart..<output.count
                lineStart = output.count
                searched = lineStart
                return line
            }
            // Drop the lines handed out once they are at least half of the buffer: each byte is moved
            // at most a bounded number of times, so reading stays linear.
            if lineStart > 0, lineStart >= output.count - lineStart {
                output.removeFirst(lineStart)
                searched -= lineStart
                lineStart = 0
            }
            try inflateMore()
        }
    }

    /// The index of the first `\n` at or after `searched`, searching only bytes not searched before.
    private func findNewline() -> Int? {
        let from = max(searched, lineStart)
        guard from < output.count else { return nil }
        let found: Int? = output.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base + from, 10, buffer.count - from) else {
                return nil
            }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        searched = found ?? output.count
        return found
    }

    private func inflateMore() throws {
        if !insideMember, try inflateWholeMember() { return }
        if inputOffset == inputLength {
            if endOfFile {
                guard !insideMember else {
                    throw GzipReadError(
                        path: path,
                        reason: "the file ends inside a gzip member (truncated: no end of stream or trailer)")
                }
                finished = true
                return
            }
            try fillInput()
            // Nothing read: the file ended; the next call says whether it ended inside a member.
            if inputOffset == inputLength { return }
        }
        insideMember = true
        let (status, produced, consumed) = input.withUnsafeMutableBufferPointer { source in
            chunk.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress! + inputOffset
                stream.pointee.avail_in = uInt(inputLength - inputOffset)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                let status = inflate(stream, Z_NO_FLUSH)
                return (
                    status, target.count - Int(stream.pointee.avail_out),
                    inputLength - inputOffset - Int(stream.pointee.avail_in)
                )
            }
        }
        inputOffset += consumed
        output.append(contentsOf: chunk[0..<produced])
        switch status {
        case Z_STREAM_END:
            // Another member may follow; a fresh stream reads it.
            inflateReset(stream)
            insideMember = false
        case Z_OK, Z_BUF_ERROR:
            break
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib code \(status)"
            throw GzipReadError(path: path, reason: "not a valid gzip stream (\(message))")
        }
    }

    /// At a member's start: fills the read buffer and inflates the member in one call when it lies whole in it and
    /// is no larger than ``wholeMemberOutputBytes``. False leaves the member to zlib's stream, from the same byte.
    private func inflateWholeMember() throws -> Bool {
        if inputLength - inputOffset < input.count / 2 { try fillInput() }
        guard inputOffset < inputLength else { return false }
        var consumed = 0
        var produced = 0
        let result = input.withUnsafeBytes { source in
            libdeflate_gzip_decompress_ex(
                decompressor, source.baseAddress! + inputOffset, inputLength - inputOffset, member.baseAddress,
                member.count, &consumed, &produced)
        }
        guard result == LIBDEFLATE_SUCCESS else { return false }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: member[..<produced]))
        inputOffset += consumed
        return true
    }

    /// Moves the bytes not inflated yet to the front of the read buffer and fills the rest from the file, up to its
    /// end.
    private func fillInput() throws {
        if inputOffset > 0 {
            input.withUnsafeMutableBytes { buffer in
                let base = buffer.baseAddress!
                base.copyMemory(from: base + inputOffset, byteCount: inputLength - inputOffset)
            }
            inputLength -= inputOffset
            inputOffset = 0
        }
        while inputLength < input.count && !endOfFile {
            let read = input.withUnsafeMutableBytes {
                fread($0.baseAddress! + inputLength, 1, $0.count - inputLength, file)
            }
            inputLength += read
            if read == 0 {
                if ferror(file) != 0 { throw OutputFileError(operation: "read", path: path, errno: errno) }
                endOfFile = true
            }
        }
    }
}

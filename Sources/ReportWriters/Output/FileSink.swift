#if canImport(Glibc)
    import Glibc
    /// The C library's `close` and `write`, under names that the methods of the same name do not hide.
    private let systemClose = Glibc.close
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemClose = Darwin.close
    private let systemWrite = Darwin.write
#endif

/// A new file, written through a buffer, synced to disk on ``close()`` (unless told not to).
///
/// A file that is synced goes to the disk anyway: on Linux it is written past the page cache (`O_DIRECT`), in
/// whole blocks from an aligned buffer, its last partial block through the page cache, then synced. Copying it
/// into the page cache first cost more CPU than the rest of writing it (a night's `numbers.csv`: 126 MB). Where
/// the file system refuses `O_DIRECT`, the file is written through the page cache as any other.
///
/// The file must not exist: snapshots are never overwritten.
public final class FileSink: ByteSink {
    public let path: String
    private var descriptor: Int32
    /// Bytes not written yet: `buffer[..<buffered]`. Aligned for `O_DIRECT`.
    private let buffer: UnsafeMutableRawBufferPointer
    private var buffered = 0
    private let syncsOnClose: Bool
    /// Whether the descriptor writes past the page cache.
    private var writesDirectly: Bool
    /// Bytes taken so far.
    public private(set) var byteCount = 0

    static let directAlignment = DirectIO.alignment
    /// The buffer of a file written directly: each write waits for the disk, so fewer, larger ones.
    static let directBufferCapacity = 1 << 20

    /// Creates `path` with `mode` (less the umask); fails if it exists.
    /// - Parameters:
    ///   - syncsOnClose: whether ``close()`` waits until the file is on disk. A file that is published must be;
    ///     one that is read back and removed within the run (a scope's part file) need not: were the machine to
    ///     stop, the unpublished snapshot it belongs to is discarded anyway.
    ///   - writesDirectly: whether to write past the page cache (`O_DIRECT`) where the file system allows it;
    ///     by default, a file that is synced on close.
    public init(
        path: String, mode: Int, bufferCapacity: Int = 1 << 16, syncsOnClose: Bool = true, writesDirectly: Bool? = nil
    ) throws {
        self.path = path
        self.syncsOnClose = syncsOnClose
        var direct = (writesDirectly ?? syncsOnClose) && DirectIO.isAvailable
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        descriptor = open(path, direct ? flags | DirectIO.openFlag : flags, mode_t(mode))
        if descriptor < 0, direct, errno == EINVAL {
            // A file system without O_DIRECT: Linux refuses it once the file is made (an existing file fails O_EXCL
            // first), so the file just made is opened again as it is.
            direct = false
            descriptor = open(path, flags, mode_t(mode))
            if descriptor < 0, errno == EEXIST { descriptor = open(path, O_WRONLY | O_CLOEXEC) }
        }
        guard descriptor >= 0 else { throw OutputFileError(operation: "create", path: path, errno: errno) }
        self.writesDirectly = direct
        let capacity = direct ? max(bufferCapacity, Self.directBufferCapacity) : max(bufferCapacity, 1)
        buffer = .allocate(
            byteCount: (capacity + Self.directAlignment - 1) / Self.directAlignment * Self.directAlignment,
            alignment: Self.directAlignment)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
        buffer.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else {
            throw OutputFileError(operation: "write to closed file", path: path, errno: EBADF)
        }
        byteCount += bytes.count
        if !writesDirectly, buffered + bytes.count > buffer.count {
            try flush()
            if bytes.count >= buffer.count {
                try writeFully(bytes)
                return
            }
        }
        // Written directly, every byte goes through the aligned buffer.
        var taken = 0
        while taken < bytes.count {
            let count = min(buffer.count - buffered, bytes.count - taken)
            (buffer.baseAddress! + buffered).copyMemory(from: bytes.baseAddress! + taken, byteCount: count)
            buffered += count
            taken += count
            if buffered == buffer.count { try flush() }
        }
    }

    /// Writes the buffer, syncs the file to disk (when it ``syncsOnClose``) and closes it.
    public func close() throws {
        guard descriptor >= 0 else { return }
        defer {
            _ = systemClose(descriptor)
            descriptor = -1
        }
        try flush()
        if buffered > 0 {  // written directly: the last partial block, through the page cache
            try stopWritingDirectly()
            try flush()
        }
        guard !syncsOnClose || fsync(descriptor) == 0 else {
            throw OutputFileError(operation: "fsync", path: path, errno: errno)
        }
    }

    /// Writes the buffer to the file (not synced: see ``close()``); written directly, its whole blocks only.
    public func flush() throws {
        let count = writesDirectly ? buffered / Self.directAlignment * Self.directAlignment : buffered
        guard count > 0 else { return }
        try writeFully(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        buffered -= count
        if buffered > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + count, byteCount: buffered)
        }
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // A file system that takes O_DIRECT at open but not these bytes: the rest through the page cache.
                if errno == EINVAL, writesDirectly {
                    try stopWritingDirectly()
                    continue
                }
                throw OutputFileError(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
    }

    /// Goes on writing through the page cache.
    private func stopWritingDirectly() throws {
        guard writesDirectly else { return }
        guard DirectIO.stop(descriptor: descriptor) else {
            throw OutputFileError(operation: "fcntl", path: path, errno: errno)
        }
        writesDirectly = false
    }
}

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
/// The file must not exist: snapshots are never overwritten.
public final class FileSink: ByteSink {
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferCapacity: Int
    private let syncsOnClose: Bool
    /// Bytes taken so far.
    public private(set) var byteCount = 0

    /// Creates `path` with `mode` (less the umask); fails if it exists.
    /// - Parameter syncsOnClose: whether ``close()`` waits until the file is on disk. A file that is published
    ///   must be; one that is read back and removed within the run (a scope's part file) need not: were the
    ///   machine to stop, the unpublished snapshot it belongs to is discarded anyway.
    public init(path: String, mode: Int, bufferCapacity: Int = 1 << 16, syncsOnClose: Bool = true) throws {
        self.path = path
        self.bufferCapacity = bufferCapacity
        self.syncsOnClose = syncsOnClose
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw OutputFileError(operation: "create", path: path, errno: errno) }
        buffer.reserveCapacity(bufferCapacity)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else {
            throw OutputFileError(operation: "write to closed file", path: path, errno: EBADF)
        }
        byteCount += bytes.count
        if buffer.count + bytes.count > bufferCapacity {
            try flush()
            if bytes.count >= bufferCapacity {
                try writeFully(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    /// Writes the buffer, syncs the file to disk (when it ``syncsOnClose``) and closes it.
    public func close() throws {
        guard descriptor >= 0 else { return }
        defer {
            _ = systemClose(descriptor)
            descriptor = -1
        }
        try flush()
        guard !syncsOnClose || fsync(descriptor) == 0 else {
            throw OutputFileError(operation: "fsync", path: path, errno: errno)
        }
    }

    /// Writes the buffer to the file (not synced: see ``close()``).
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeFully($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
    }
}

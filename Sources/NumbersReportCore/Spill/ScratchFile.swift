#if canImport(Glibc)
    import Glibc
    private let systemClose = Glibc.close
#elseif canImport(Darwin)
    import Darwin
    private let systemClose = Darwin.close
#endif

/// Bytes a run sets aside while it works (keys to sort, rows to look up again), in a file nobody else sees: it was
/// unlinked as soon as it was created (see ``ScratchFileWriter``), so its space is given back when the last
/// reference to it goes, even if the process is killed.
///
/// Read only, at explicit offsets (`pread`): any number of threads may read it at once.
final class ScratchFile: Sendable {
    private let descriptor: Int32
    /// Where it was created, for messages.
    let path: String
    /// Bytes written to it.
    let byteCount: Int

    init(descriptor: Int32, path: String, byteCount: Int) {
        self.descriptor = descriptor
        self.path = path
        self.byteCount = byteCount
    }

    deinit { _ = systemClose(descriptor) }

    /// Fills `buffer` with the bytes from `offset` on; fails if the file ends first.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0 {
                if errno == EINTR { continue }
                throw ScratchFileError(operation: "read", path: path, errno: errno)
            }
            if count == 0 { throw ScratchFileError(operation: "read", path: path, errno: 0) }
            done += count
        }
    }

    /// `count` bytes from `offset` on.
    func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = count
        }
    }
}

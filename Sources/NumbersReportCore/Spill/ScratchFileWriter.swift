import ReportWriters
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a ``ScratchFile``: created (mode 0600) in the directory given (a run's partial snapshot, on the output's
/// file system rather than a `/tmp` that may be memory; `diff`'s temporary directory), opened a second time for
/// reading and unlinked at once; appended to through a ``FileSink`` that is not synced (nothing in it outlives the
/// run). Every failure is a ``ScratchFileError``.
final class ScratchFileWriter {
    private let sink: FileSink
    private var readDescriptor: Int32
    var path: String { sink.path }
    /// Bytes appended so far: the offset of the next byte.
    var byteCount: Int { sink.byteCount }

    private static let counter = Atomic<Int>(0)

    init(directory: String) throws {
        let number = Self.counter.add(1, ordering: .relaxed).newValue
        let path = "\(directory)/.scratch-\(getpid())-\(number)"
        do {
            sink = try FileSink(path: path, mode: 0o600, bufferCapacity: 1 << 18, syncsOnClose: false)
        } catch let error as OutputFileError {
            throw ScratchFileError(error)
        }
        readDescriptor = open(path, O_RDONLY | O_CLOEXEC)
        let openError = errno
        // Unlinked at once: a file left in view would end up in the published snapshot.
        guard unlink(path) == 0 else {
            let unlinkError = errno
            if readDescriptor >= 0 { close(readDescriptor) }
            readDescriptor = -1
            throw ScratchFileError(operation: "unlink", path: path, errno: unlinkError)
        }
        guard readDescriptor >= 0 else { throw ScratchFileError(operation: "open", path: path, errno: openError) }
    }

    deinit {
        if readDescriptor >= 0 { close(readDescriptor) }
    }

    /// Appends bytes.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            try sink.write(bytes)
        } catch let error as OutputFileError {
            throw ScratchFileError(error)
        }
    }

    /// Appends records as their bytes in memory (read back by ``SortedRecords`` in this same process).
    func append<Record: BitwiseCopyable>(records: [Record]) throws {
        try records.withUnsafeBufferPointer { try append(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the writing (the writing descriptor is closed, unsynced); the file is then read through the
    /// ``ScratchFile``.
    func finish() throws -> ScratchFile {
        do {
            try sink.close()
        } catch let error as OutputFileError {
            throw ScratchFileError(error)
        }
        let file = ScratchFile(descriptor: readDescriptor, path: path, byteCount: byteCount)
        readDescriptor = -1
        return file
    }
}

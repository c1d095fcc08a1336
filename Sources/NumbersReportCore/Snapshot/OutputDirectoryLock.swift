import ReportWriters

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run at a time per output directory: an exclusive `flock` on `OUTPUT/.lock`, taken without
/// waiting. A second run does not wait: it stops at once with ``Held``, naming the directory and the
/// process holding it, so that overlapping cron runs are visible rather than queued.
///
/// The lock file is opened with `O_NOFOLLOW` (a link planted there is refused, never followed), holds
/// the holder's process id, and is removed when the lock is released. The kernel releases the lock
/// when the holder dies, so a crashed run never blocks the next one; a file left behind by a killed
/// run is simply locked again. Taking it never blocks (`LOCK_NB`), so it is safe on the concurrency pool.
///
/// Not `Sendable`: one task takes and releases it.
public final class OutputDirectoryLock {
    /// The lock file's name in the output directory.
    public static let fileName = ".lock"

    /// Another run holds the lock of the output directory.
    public struct Held: Error, Hashable, Sendable, CustomStringConvertible {
        /// The output directory.
        public var directory: String
        /// The process id written by the holder, when it could be read.
        public var holder: Int32?

        public var description: String {
            "the output directory \(directory) is in use by another run "
                + "(\(holder.map { "pid \($0)" } ?? "pid unknown"), lock file \(directory)/\(OutputDirectoryLock.fileName)): "
                + "one run at a time per output directory; this run stopped before fetching anything"
        }
    }

    /// The output directory.
    public let directory: String
    /// `directory/.lock`.
    public var path: String { directory + "/" + Self.fileName }
    private var descriptor: Int32

    /// Creates the output directory if needed (with `directoryMode`, parents too) and takes its lock, without
    /// waiting; the lock file is created with `fileMode`.
    /// - Throws: ``Held`` when another run holds it; `OutputFileError` when the lock file cannot be
    ///   opened (it is a symbolic link, not a regular file, or the directory is not writable).
    public init(directory: String, directoryMode: Int, fileMode: Int) throws {
        self.directory = directory
        try FileSystem.makeDirectories(directory, mode: directoryMode)
        let path = directory + "/" + Self.fileName
        while true {
            let descriptor = open(
                path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, mode_t(fileMode))
            guard descriptor >= 0 else {
                let code = errno
                throw OutputFileError(
                    operation: code == ELOOP
                        ? "lock (a symbolic link is in the way, not followed)" : "open the lock file",
                    path: path, errno: code)
            }
            var opened = stat()
            guard fstat(descriptor, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else {
                close(descriptor)
                throw OutputFileError(operation: "lock (not a regular file)", path: path, errno: EINVAL)
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                let holder = Self.holder(descriptor)
                close(descriptor)
                if code == EWOULDBLOCK { throw Held(directory: directory, holder: holder) }
                throw OutputFileError(operation: "lock", path: path, errno: code)
            }
            // The run before may have removed the file between our open and our flock: then the lock
            // is on a file no longer in view, and a third run could lock a new one. Lock the file in view.
            var current = stat()
            guard lstat(path, &current) == 0, current.st_ino == opened.st_ino, current.st_dev == opened.st_dev
            else {
                close(descriptor)
                continue
            }
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            self.descriptor = descriptor
            return
        }
    }

    deinit { release() }

    /// Removes the lock file and releases the lock; later calls do nothing.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)  // before the lock goes: a run that opened this file finds it gone and opens the new one
        close(descriptor)
        descriptor = -1
    }

    /// The process id written in the lock file, if any.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count].prefix { (48...57).contains($0) }, as: UTF8.self))
    }
}

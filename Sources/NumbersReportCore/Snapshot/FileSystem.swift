#if canImport(Glibc)
    import Glibc
    /// The C library's `rename`, under a name that ``FileSystem/rename(_:to:)`` does not hide.
    private let systemRename = Glibc.rename
#elseif canImport(Darwin)
    import Darwin
    private let systemRename = Darwin.rename
#endif
import Foundation
import ReportWriters

/// The few POSIX file operations publishing needs, with errors that name the path.
enum FileSystem {
    static func makeDirectory(_ path: String, mode: Int) throws {
        guard mkdir(path, mode_t(mode)) == 0 else {
            throw OutputFileError(operation: "create directory", path: path, errno: errno)
        }
    }

    /// Creates `path` and any missing parents.
    static func makeDirectories(_ path: String, mode: Int) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, mode_t(mode)) != 0, errno != EEXIST {
                throw OutputFileError(operation: "create directory", path: current, errno: errno)
            }
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Makes a directory's entries durable.
    static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFileError(operation: "open directory", path: path, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw OutputFileError(operation: "fsync", path: path, errno: errno) }
    }

    /// Renames a directory; fails rather than replace a non-empty one.
    static func rename(_ source: String, to destination: String) throws {
        guard systemRename(source, destination) == 0 else {
            throw OutputFileError(operation: "rename \(source) to", path: destination, errno: errno)
        }
    }

    /// Replaces the file at `path` with `bytes` so that readers see the old or the new content, never a
    /// part: written to a temporary file beside it, synced, renamed over it, and the directory synced.
    static func writeAtomically(_ bytes: [UInt8], to path: String, mode: Int) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = directory + "/." + name + ".tmp-\(getpid())"
        unlink(temporary)
        do {
            let file = try FileSink(path: temporary, mode: mode)
            try file.write(bytes)
            try file.close()
            guard systemRename(temporary, path) == 0 else {
                throw OutputFileError(operation: "rename \(temporary) to", path: path, errno: errno)
            }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(directory)
    }

    /// Removes a tree (a partial snapshot that will not be published, an old snapshot; or one file) without ever
    /// following a symbolic link: a link at any depth, `path` itself included, is removed as a link and
    /// its target is left alone. Only the directories leading to `path` are followed (the output
    /// directory the operator named). Best effort: what cannot be removed stays.
    static func removeTree(_ path: String) {
        let slash = path.lastIndex(of: "/")
        let parent = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else { return }
        let parentDescriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parentDescriptor >= 0 else { return }
        defer { close(parentDescriptor) }
        removeEntry(Array(name.utf8CString), in: parentDescriptor)
    }

    /// Removes `name` in the directory open as `parent`: unlinked when it is not a directory (a link is
    /// unlinked as a link); otherwise opened with `O_NOFOLLOW`, emptied the same way, and removed.
    private static func removeEntry(_ name: [CChar], in parent: Int32) {
        var info = stat()
        guard fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlinkat(parent, name, 0)
            return
        }
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            // Replaced by a link since the fstatat: unlinking removes the link, never its target.
            unlinkat(parent, name, 0)
            return
        }
        for child in rawEntryNames(ofDirectory: descriptor) { removeEntry(child, in: descriptor) }
        close(descriptor)
        unlinkat(parent, name, AT_REMOVEDIR)
    }

    /// The names in an open directory (`.` and `..` left out), NUL-terminated bytes as stored (not
    /// necessarily UTF-8); the descriptor stays open.
    static func rawEntryNames(ofDirectory descriptor: Int32) -> [[CChar]] {
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return [] }
        guard let directory = fdopendir(duplicate) else {
            close(duplicate)
            return []
        }
        defer { closedir(directory) }
        rewinddir(directory)
        var names: [[CChar]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.prefix { $0 != 0 }.map { CChar(bitPattern: $0) } + [0]
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }
            names.append(name)
        }
        return names
    }

    /// The names in an open directory as text (`.` and `..` left out); the descriptor stays open.
    static func entryNames(ofDirectory descriptor: Int32) -> [String] {
        rawEntryNames(ofDirectory: descriptor).map {
            String(decoding: $0.dropLast().map(UInt8.init(bitPattern:)), as: UTF8.self)
        }
    }

    /// The type bits (`S_IFDIR`, `S_IFREG`, `S_IFLNK`, …) of `path` itself, a link not followed; nil when absent.
    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}

extension FileSystem {
    /// A regular file's size in bytes; 0 when it cannot be read (it is then reported when opened).
    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Reads a file at most a megabyte at a time, handing each chunk to `body`: the same buffer each time, made once
    /// (a new one a chunk would be a megabyte allocated, faulted in and freed for every megabyte read).
    /// - Parameter direct: read past the page cache (``DirectIO``) where the file system allows it: for a file
    ///   written so (a scope's part file), whose bytes are not in the page cache.
    static func forEachChunk(
        _ path: String, direct: Bool = false, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var descriptor = direct && DirectIO.isAvailable ? open(path, O_RDONLY | O_CLOEXEC | DirectIO.openFlag) : -1
        var readsDirectly = descriptor >= 0
        if descriptor < 0 { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw OutputFileError(operation: "read", path: path, errno: errno) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: DirectIO.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count == 0 { return }
            guard count > 0 else {
                if errno == EINTR { continue }
                // Read directly, an offset after the last partial block can be refused: the rest as any other.
                if errno == EINVAL, readsDirectly, DirectIO.stop(descriptor: descriptor) {
                    readsDirectly = false
                    continue
                }
                throw OutputFileError(operation: "read", path: path, errno: errno)
            }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}

import Crypto
import ReportWriters

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the files of a bag that may be hostile (RFC 8493 bags come from anywhere): paths stay inside
/// the bag, nothing is opened through a symbolic link, only regular files are read, and tag files are
/// read only up to ``maximumTagFileSize``.
///
/// Every file is opened relative to the bag's directory, one component at a time with `O_NOFOLLOW`;
/// each directory on the way must be a real directory and the file a regular file (checked with
/// `fstatat` before opening, so that a FIFO or a device is never opened, and with `fstat` after).
final class BagReader {
    /// Why a file of the bag is not read: a sentence naming no path (the caller names it).
    struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// The largest tag file (manifest, bag-info) read: a larger one is refused rather than loaded.
    static let maximumTagFileSize = 64 << 20
    /// The largest payload file `verify` hashes, whatever the bag declares: a night of a million numbers
    /// is well under 1 GiB, and a hostile bag must not make verify read a sparse terabyte.
    static let maximumPayloadFileSize = 16 << 30
    /// How deep `data/` may nest.
    static let maximumDepth = 32

    /// The bag directory.
    let path: String
    private let root: Int32

    /// Opens the bag at `path` (a directory named by the operator, so a link there is followed).
    init(path: String) throws(Refusal) {
        self.path = path
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw Refusal(reason: "cannot open the bag: \(Self.errorText(errno))") }
        self.root = root
    }

    /// Opens `directory/name`, a snapshot directory of an output directory, without following a link.
    init(directory: String, name: String) throws(Refusal) {
        self.path = directory + "/" + name
        let parent = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { throw Refusal(reason: "cannot open \(directory): \(Self.errorText(errno))") }
        defer { close(parent) }
        let root = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else {
            throw Refusal(reason: errno == ELOOP ? "a symbolic link, not followed" : Self.errorText(errno))
        }
        self.root = root
    }

    deinit { close(root) }

    // MARK: Paths

    /// The components of a path as a manifest lists it, after RFC 8493's percent-decoding (`%0A`, `%0D`,
    /// `%25`), when it is relative, normalised and stays inside the bag.
    static func components(ofManifestPath raw: String) throws(Refusal) -> [String] {
        guard !raw.isEmpty else { throw Refusal(reason: "an empty path") }
        guard !raw.utf8.contains(0), !raw.utf8.contains(13), !raw.utf8.contains(10) else {
            throw Refusal(reason: "a raw control character (NUL, CR or LF) in the path")
        }
        let decoded = BagTagFiles.decodePath(raw)
        guard !decoded.utf8.contains(0), !decoded.utf8.contains(13), !decoded.utf8.contains(10) else {
            throw Refusal(reason: "a file name with a line break: not one this tool writes")
        }
        guard !decoded.hasPrefix("/") else { throw Refusal(reason: "an absolute path: it leaves the bag") }
        let components = decoded.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        for component in components {
            if component.isEmpty { throw Refusal(reason: "an empty path component ('//' or a trailing '/')") }
            if component == ".." { throw Refusal(reason: "a '..' component: it leaves the bag") }
            if component == "." { throw Refusal(reason: "a '.' component: not a normalised path") }
        }
        return components
    }

    // MARK: Files

    /// Opens a regular file of the bag for reading.
    /// - Returns: the descriptor (the caller closes it) and the file's size.
    func openRegularFile(_ components: [String]) throws(Refusal) -> (descriptor: Int32, size: Int) {
        guard let last = components.last else { throw Refusal(reason: "an empty path") }
        var directory = dup(root)
        guard directory >= 0 else { throw Refusal(reason: Self.errorText(errno)) }
        defer { close(directory) }
        for (index, component) in components.dropLast().enumerated() {
            let shown = components[...index].joined(separator: "/")
            let next = openat(directory, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                let code = errno
                var info = stat()
                if fstatat(directory, component, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    throw Refusal(reason: "\(shown) is \(Self.typeName(info.st_mode)), not a directory: not followed")
                }
                throw Refusal(reason: code == ENOENT ? "missing" : "\(shown): \(Self.errorText(code))")
            }
            close(directory)
            directory = next
        }
        var info = stat()
        guard fstatat(directory, last, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw Refusal(reason: errno == ENOENT ? "missing" : Self.errorText(errno))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Refusal(reason: "\(Self.typeName(info.st_mode)), not a regular file: not read")
        }
        let descriptor = openat(directory, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Refusal(reason: Self.errorText(errno)) }
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw Refusal(reason: "replaced while being opened: not a regular file any more")
        }
        return (descriptor, Int(info.st_size))
    }

    /// The whole of a small regular file (a tag file); refused when larger than `limit`.
    func readSmallFile(_ components: [String], limit: Int = BagReader.maximumTagFileSize) throws(Refusal) -> [UInt8] {
        let (descriptor, size) = try openRegularFile(components)
        defer { close(descriptor) }
        guard size <= limit else {
            throw Refusal(reason: "\(size) bytes, larger than the \(limit) bytes read of a tag file")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal(reason: "cannot read: \(Self.errorText(errno))")
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            guard bytes.count <= limit else {
                throw Refusal(reason: "grew past the \(limit) bytes read of a tag file")
            }
        }
    }

    /// SHA-256 and SHA-512 of a regular file, streamed; with `limit`, a larger file is refused.
    func digests(_ components: [String], limit: Int? = nil) throws(Refusal) -> (sha256: String, sha512: String) {
        let (descriptor, size) = try openRegularFile(components)
        defer { close(descriptor) }
        if let limit, size > limit {
            throw Refusal(reason: "\(size) bytes, larger than the \(limit) bytes read of a tag file")
        }
        var sha256 = SHA256()
        let sha512 = SHA512Hasher()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal(reason: "cannot read: \(Self.errorText(errno))")
            }
            if count == 0 { break }
            total += count
            if let limit, total > limit { throw Refusal(reason: "grew past the \(limit) bytes read of a tag file") }
            buffer.withUnsafeBytes { bytes in
                let part = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
                sha256.update(bufferPointer: part)
                sha512.update(part)
            }
        }
        return (Hex.string(sha256.finalize()), Hex.string(sha512.finalize()))
    }

    /// The regular files below `data/` as bag-relative paths with their sizes, and what else is there
    /// (links, FIFOs, devices: each a problem, none followed or opened).
    func payloadFiles() -> (files: [String: Int], problems: [(file: String, problem: String)]) {
        var files: [String: Int] = [:]
        var problems: [(file: String, problem: String)] = []
        var info = stat()
        guard fstatat(root, "data", &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            problems.append(("data", "missing: the bag has no payload directory"))
            return (files, problems)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            problems.append(("data", "\(Self.typeName(info.st_mode)), not a directory: not followed"))
            return (files, problems)
        }
        let data = openat(root, "data", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard data >= 0 else {
            problems.append(("data", "cannot open: \(Self.errorText(errno))"))
            return (files, problems)
        }
        walk(data, prefix: "data", depth: 0, files: &files, problems: &problems)
        close(data)
        return (files, problems)
    }

    private func walk(
        _ directory: Int32, prefix: String, depth: Int, files: inout [String: Int],
        problems: inout [(file: String, problem: String)]
    ) {
        for raw in FileSystem.rawEntryNames(ofDirectory: directory) {
            let bytes = raw.dropLast().map(UInt8.init(bitPattern:))
            let name = String(decoding: bytes, as: UTF8.self)
            let path = prefix + "/" + name
            guard String(validating: bytes, as: UTF8.self) != nil else {
                problems.append((path, "a name that is not valid UTF-8: no manifest can list it"))
                continue
            }
            // Names are compared as Swift strings (canonical equivalence): `é` and `e` + U+0301 would be one.
            guard files[path] == nil else {
                problems.append((path, "two entries have names that read the same (Unicode forms): refused"))
                continue
            }
            var info = stat()
            guard fstatat(directory, raw, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                problems.append((path, "cannot inspect: \(Self.errorText(errno))"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                files[path] = Int(info.st_size)
            case S_IFDIR:
                guard depth < Self.maximumDepth else {
                    problems.append((path, "nested deeper than \(Self.maximumDepth) directories: not read"))
                    continue
                }
                let child = openat(directory, raw, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else {
                    problems.append((path, "cannot open: \(Self.errorText(errno))"))
                    continue
                }
                walk(child, prefix: path, depth: depth + 1, files: &files, problems: &problems)
                close(child)
            default:
                problems.append((path, "\(Self.typeName(info.st_mode)) in the payload: a bag holds only regular files"))
            }
        }
    }

    /// "a symbolic link", "a FIFO", … for a `st_mode`.
    static func typeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        case S_IFREG: "a regular file"
        default: "a special file"
        }
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}

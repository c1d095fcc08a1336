import Crypto
import ReportWriters

/// One payload file of a bag and its checksums, as listed in the manifests.
public struct PayloadEntry: Sendable, Hashable {
    /// Relative to the bag, e.g. `data/numbers.csv`.
    public var path: String
    public var byteCount: Int
    public var sha256: String
    public var sha512: String
}

/// A payload file being written: every byte goes to disk and through SHA-256 and SHA-512 at once,
/// so large files are never read back to be hashed.
public final class PayloadFile: ByteSink {
    public let path: String
    private let file: FileSink
    private var sha256 = SHA256()
    private let sha512 = SHA512Hasher()
    private var byteCount = 0
    private let register: (PayloadEntry) -> Void
    private var closed = false

    init(path: String, absolutePath: String, mode: Int, register: @escaping (PayloadEntry) -> Void) throws {
        self.path = path
        self.file = try FileSink(path: absolutePath, mode: mode)
        self.register = register
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        sha256.update(bufferPointer: bytes)
        sha512.update(bytes)
        byteCount += bytes.count
        try file.write(bytes)
    }

    /// Syncs and closes the file and records it for the manifests.
    public func close() throws {
        guard !closed else { return }
        closed = true
        try file.close()
        register(
            PayloadEntry(
                path: path, byteCount: byteCount, sha256: Hex.string(sha256.finalize()),
                sha512: Hex.string(sha512.finalize())))
    }
}

/// Lower-case hexadecimal of a digest.
enum Hex {
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func sha256(_ bytes: [UInt8]) -> String { string(SHA256.hash(data: bytes)) }
}

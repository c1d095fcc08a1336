import Foundation
import ReportWriters

/// The tag files of a BagIt 1.0 bag (RFC 8493): `bagit.txt`, `bag-info.txt`, the payload manifests
/// and `tagmanifest-sha256.txt` over them.
struct BagTagFiles {
    var payload: [PayloadEntry]
    var bagInfo: BagInfo
    /// The tag files' mode (`output.fileMode`).
    var fileMode: Int = OutputSettings.defaultFileMode

    static let bagitText = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    /// The tag files listed in the tag manifest, in order.
    static let listedTagFiles = ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"]

    func write(to bagPath: String) throws {
        let sorted = payload.sorted { $0.path < $1.path }
        let files: [(String, String)] = [
            ("bagit.txt", Self.bagitText),
            ("bag-info.txt", bagInfo.text),
            ("manifest-sha256.txt", sorted.map { "\($0.sha256)  \(Self.encodePath($0.path))\n" }.joined()),
            ("manifest-sha512.txt", sorted.map { "\($0.sha512)  \(Self.encodePath($0.path))\n" }.joined()),
        ]
        var tagManifest = ""
        for (name, text) in files {
            try Self.writeFile(bagPath + "/" + name, Array(text.utf8), mode: fileMode)
            tagManifest += "\(Hex.sha256(Array(text.utf8)))  \(name)\n"
        }
        try Self.writeFile(bagPath + "/tagmanifest-sha256.txt", Array(tagManifest.utf8), mode: fileMode)
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8], mode: Int) throws {
        let file = try FileSink(path: path, mode: mode)
        try file.write(bytes)
        try file.close()
    }

    /// RFC 8493 §2.1.3: `%`, CR and LF in a manifest path are percent-encoded.
    static func encodePath(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The reverse of ``encodePath(_:)``, in one pass (`%250A` is `%0A`, not a line break); other `%`
    /// sequences stay as they are.
    static func decodePath(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count {
                let code = String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self).uppercased()
                let replacement: UInt8? =
                    switch code {
                    case "0A": 10
                    case "0D": 13
                    case "25": UInt8(ascii: "%")
                    default: nil
                    }
                if let replacement {
                    decoded.append(replacement)
                    index += 3
                    continue
                }
            }
            decoded.append(bytes[index])
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

import Foundation

/// Opaque, signed page tokens: base64url of `[version, offset, query digest, signature]` (25 bytes).
///
/// The signature is keyed by the seed, so tokens are reproducible for one configuration, an edited token is
/// refused, and a token from another query (different scope, filter or order) is refused too.
struct FakePageTokenCodec: Sendable {
    enum Failure: Error, Sendable {
        /// Not base64url, wrong length or version, or a signature that does not match.
        case malformed
        /// A genuine token, but for another query.
        case otherQuery
    }

    private static let version: UInt8 = 1
    private let key: UInt64

    init(seed: UInt64) {
        key = FakeHash.mix(seed ^ 0x5041_4745_544F_4B4E)
    }

    func encode(offset: Int, query: FakeListQuery) -> String {
        var bytes: [UInt8] = [Self.version]
        append(UInt64(offset), to: &bytes)
        append(digest(query), to: &bytes)
        append(signature(bytes), to: &bytes)
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The offset a token points at, if it is genuine and belongs to `query`.
    func decode(_ token: String, query: FakeListQuery) -> Result<Int, Failure> {
        guard token.utf8.count == 34,
            token.utf8.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            })
        else { return .failure(.malformed) }
        let standard = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "=="
        guard let data = Data(base64Encoded: standard), data.count == 25 else { return .failure(.malformed) }
        let bytes = [UInt8](data)
        guard bytes[0] == Self.version, read(bytes, at: 17) == signature(Array(bytes[0..<17])) else {
            return .failure(.malformed)
        }
        guard read(bytes, at: 9) == digest(query) else { return .failure(.otherQuery) }
        let offset = read(bytes, at: 1)
        guard offset <= UInt64(Int32.max) else { return .failure(.malformed) }
        return .success(Int(offset))
    }

    private func digest(_ query: FakeListQuery) -> UInt64 {
        FakeHash.mix(FakeHash.fnv1a(query.canonical.utf8))
    }

    private func signature(_ bytes: [UInt8]) -> UInt64 {
        FakeHash.mix(FakeHash.fnv1a(bytes, basis: key) ^ key)
    }

    private func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    private func read(_ bytes: [UInt8], at start: Int) -> UInt64 {
        bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}

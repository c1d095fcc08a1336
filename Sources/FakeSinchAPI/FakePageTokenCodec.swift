import Foundation

/// Opaque, signed page tokens: padded standard base64 of `[marker, version, offset, query digest, signature]`
/// (28 bytes, 40 characters), like the reference's `C2VNYXJrEg4KDCsxMjAxMjI2MzUyOQ==`. The 3-byte marker
/// encodes as `+/+/` and the length ends in `==`, so every token holds `+`, `/` and `=`: a client that does not
/// percent-encode `pageToken` (a bare `+` is read as a space) gets 400 on its second page.
///
/// The signature is keyed by the seed, so tokens are reproducible for one configuration, an edited token is
/// refused, and a token from another query (different scope, filter or order) is refused too.
struct FakePageTokenCodec: Sendable {
    enum Failure: Error, Sendable {
        /// Not base64, wrong length, marker or version, or a signature that does not match.
        case malformed
        /// A genuine token, but for another query.
        case otherQuery
    }

    private static let version: UInt8 = 1
    /// `+/+/` in base64: sextets 62, 63, 62, 63.
    private static let marker: [UInt8] = [0xFB, 0xFF, 0xBF]
    /// The bytes after the marker: version, offset, digest, signature.
    private static let payloadLength = 25
    private let key: UInt64

    init(seed: UInt64) {
        key = FakeHash.mix(seed ^ 0x5041_4745_544F_4B4E)
    }

    func encode(offset: Int, query: FakeListQuery) -> String {
        var bytes: [UInt8] = [Self.version]
        append(UInt64(offset), to: &bytes)
        append(digest(query), to: &bytes)
        append(signature(bytes), to: &bytes)
        return Data(Self.marker + bytes).base64EncodedString()
    }

    /// The offset a token points at, if it is genuine and belongs to `query`.
    func decode(_ token: String, query: FakeListQuery) -> Result<Int, Failure> {
        guard token.utf8.count == 40, let data = Data(base64Encoded: token),
            data.count == Self.marker.count + Self.payloadLength, data.starts(with: Self.marker)
        else { return .failure(.malformed) }
        let bytes = [UInt8](data.dropFirst(Self.marker.count))
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

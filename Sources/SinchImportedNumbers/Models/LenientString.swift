/// Decodes a documented string field that some responses send as a number (`errorCode: 60135`).
struct LenientString: Decodable {
    let value: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            value = string
        } else if let integer = try? container.decode(Int.self) {
            value = String(integer)
        } else {
            value = try container.decode(String.self)  // rethrows the type mismatch with its path
        }
    }
}

extension KeyedDecodingContainer {
    /// A string field that may also arrive as an integer; `nil` when absent or `null`.
    func decodeLenientString(forKey key: Key) throws -> String? {
        try decodeIfPresent(LenientString.self, forKey: key)?.value
    }
}

/// An undocumented code the API sends as an integer, though a string must be accepted too.
///
/// `scheduledProvisioning.status` and `scheduledProvisioning.errorCodes` are integer "enums" whose
/// values Sinch does not document. The raw text is kept; ``integerValue`` is set when it is an integer.
public struct APICode: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The code as received, as text (`1001` and `"1001"` both give `"1001"`).
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: Int) { self.rawValue = String(value) }

    /// The code as an integer, when it is one.
    public var integerValue: Int? { Int(rawValue) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            rawValue = String(integer)
        } else {
            rawValue = try container.decode(String.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let integerValue { try container.encode(integerValue) } else { try container.encode(rawValue) }
    }
}

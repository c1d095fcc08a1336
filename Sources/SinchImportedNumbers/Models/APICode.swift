/// An undocumented code the API sends as an integer, though a string must be accepted too.
///
/// `scheduledProvisioning.status` and `scheduledProvisioning.errorCodes` are integer "enums" whose
/// values Sinch does not document. The raw text is kept; ``integerValue`` is set when it is an integer.
public struct APICode: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The code as received, as text (`1001` and `"1001"` both give `"1001"`).
    public let rawValue: String

    /// A code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A code from an integer.
    public init(_ value: Int) { self.rawValue = String(value) }

    /// The code as an integer, when it is one.
    public var integerValue: Int? { Int(rawValue) }

    /// The code as text.
    public var description: String { rawValue }

    /// Decodes an integer or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            rawValue = String(integer)
        } else {
            rawValue = try container.decode(String.self)
        }
    }

    /// Encodes an integer when the code is one, else the text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let integerValue { try container.encode(integerValue) } else { try container.encode(rawValue) }
    }
}

/// A string enumeration of the API that may grow without notice.
///
/// The Imported Numbers reference lists the values it knows, but a nightly job must never fail
/// because Sinch added one: conforming types keep any value as received in ``rawValue`` and tell
/// whether it is one the reference documents.
public protocol OpenEnumeration: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// The values the API reference documents.
    static var documentedValues: Set<String> { get }
    init(rawValue: String)
}

extension OpenEnumeration {
    /// Whether the API reference lists this value.
    public var isDocumented: Bool { Self.documentedValues.contains(rawValue) }

    /// The raw value.
    public var description: String { rawValue }

    /// Decodes any string, documented or not.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

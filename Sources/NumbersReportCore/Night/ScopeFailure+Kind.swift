import SinchImportedNumbers

extension ScopeFailure {
    /// Why a scope stopped: an API error's kind (``SinchAPIError/Kind``), or one of the run's own
    /// (``runDeadline``, ``unreadableRecords``). An open set, so that new API error kinds need no change
    /// here; written to `summary.json`, `raw/run.json` and the metrics as its ``rawValue``.
    public struct Kind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.init(rawValue: value) }
        /// The kind of an API error, under the client's own name for it.
        public init(_ kind: SinchAPIError.Kind) { self.init(rawValue: kind.description) }

        /// `api.runDeadlineMinutes` passed before the scope was read to the end.
        public static let runDeadline: Kind = "runDeadline"
        /// Every record the scope received was unreadable.
        public static let unreadableRecords: Kind = "unreadableRecords"
        /// An error that is not the API's (`check` only).
        public static let other: Kind = "other"
        /// The credentials were refused: the remaining scopes with them are not tried.
        public static let credentialsRefused = Kind(.credentialsRefused)

        public var description: String { rawValue }
    }
}

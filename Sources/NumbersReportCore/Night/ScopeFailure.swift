import ReportWriters
import SinchImportedNumbers

/// Why a scope stopped before its last page: the kind of error and what it said.
public struct ScopeFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// ``SinchAPIError/Kind`` as a ``Kind``, e.g. `credentialsRefused`, `pageTokenRepeated`, `httpStatus`, or
    /// one of the run's own.
    public var kind: Kind
    /// The HTTP status, when the failure is an answer.
    public var status: Int?
    public var message: String

    public init(kind: Kind, status: Int? = nil, message: String) {
        self.kind = kind
        self.status = status
        self.message = message
    }

    /// The most of an error's text a failure keeps: it goes into the report, the email, the logs and
    /// `summary.json`, and a hostile server's megabytes of message must not.
    public static let maxMessageLength = 1_000

    /// A failure from an API error; its text is made one safe line of at most ``maxMessageLength`` characters.
    /// A scope past its page limit is named with this tool's config key, `api.maxPagesPerScope`.
    public init(_ error: SinchAPIError) {
        let text = error.pageLimit.map { "the scope has more than \($0) pages (api.maxPagesPerScope); stopped" }
        self.init(
            kind: Kind(error.kind), status: error.statusCode,
            message: SafeText.line(text ?? error.description, limit: Self.maxMessageLength))
    }

    /// `api.runDeadlineMinutes` passed before the scope was read to the end.
    public static func runDeadline(_ minutes: Double) -> ScopeFailure {
        ScopeFailure(
            kind: .runDeadline, message: "the run deadline of \(minutes) minutes (api.runDeadlineMinutes) passed")
    }

    /// Every record the scope received was unreadable: the API answered, but in a shape this tool cannot read,
    /// so the scope says nothing about the health of its numbers.
    public static func unreadableRecords(_ count: Int, of received: Int, firstReason: String?) -> ScopeFailure {
        ScopeFailure(
            kind: .unreadableRecords,
            message: SafeText.line(
                "none of the \(received) records received could be read"
                    + (firstReason.map { " (the first: \($0))" } ?? ""), limit: maxMessageLength))
    }

    public var isCredentialsRefusal: Bool { kind == .credentialsRefused }

    public var description: String { message }
}

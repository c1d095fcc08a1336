import SinchImportedNumbers

/// Why a scope stopped before its last page: the kind of error and what it said.
public struct ScopeFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// ``SinchAPIError/Kind`` as text, e.g. `credentialsRefused`, `pageTokenRepeated`, `httpStatus`.
    public var kind: String
    /// The HTTP status, when the failure is an answer.
    public var status: Int?
    public var message: String

    public init(kind: String, status: Int? = nil, message: String) {
        self.kind = kind
        self.status = status
        self.message = message
    }

    public init(_ error: SinchAPIError) {
        self.init(kind: error.kind.description, status: error.statusCode, message: error.description)
    }

    /// `api.runDeadlineMinutes` passed before the scope was read to the end.
    public static func runDeadline(_ minutes: Double) -> ScopeFailure {
        ScopeFailure(
            kind: "runDeadline", message: "the run deadline of \(minutes) minutes (api.runDeadlineMinutes) passed")
    }

    public var isCredentialsRefusal: Bool { kind == SinchAPIError.Kind.credentialsRefused.description }

    public var description: String { message }
}

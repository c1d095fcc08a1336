/// An error of the Imported Numbers client.
///
/// A struct around a private enum, like AsyncHTTPClient's `HTTPClientError`, so that new cases can
/// be added without breaking callers. Compare with ``kind`` (`error.kind == .pageTokenRepeated`).
/// Descriptions never contain credentials, tokens or `Authorization` headers.
public struct SinchAPIError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Storage: Hashable, Sendable {
        case httpStatus(status: Int, body: APIErrorBody?, request: String)
        case credentialsRefused(status: Int, body: APIErrorBody?, endpoint: String)
        case accessDenied(status: Int, body: APIErrorBody?, request: String)
        case credentialsMissing(variable: String)
        case invalidResponse(reason: String, request: String)
        case responseTooLarge(limit: Int, request: String)
        /// `tokenPrefix`: the token's first characters only (a token may be tens of kilobytes).
        case pageTokenRepeated(tokenPrefix: String, tokenLength: Int, firstSeenOnPage: Int, page: Int)
        case transport(reason: String, request: String)
        case connectFailed(endpoint: String, reason: String, request: String)
        case timedOut(seconds: Double, request: String)
        case tooManyPages(limit: Int)
    }

    /// What went wrong, without the details: the thing to compare.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// The kind's name, e.g. `credentialsRefused`.
        public var description: String { name }

        /// The API answered with an HTTP error status (other than a refusal of the credentials).
        public static let httpStatus = Kind(name: "httpStatus")
        /// The token endpoint refused the credentials (400, 401 or 403), or the API refused them (401).
        public static let credentialsRefused = Kind(name: "credentialsRefused")
        /// The API answered 403 to a list request: this project or scope is not open to this key. Sinch
        /// keys belong to a project, so other scopes (other projects, or keys of their own) may still work.
        public static let accessDenied = Kind(name: "accessDenied")
        /// A credential environment variable is not set.
        public static let credentialsMissing = Kind(name: "credentialsMissing")
        /// A 200 answer whose body is not the documented JSON.
        public static let invalidResponse = Kind(name: "invalidResponse")
        /// A body over the configured size cap.
        public static let responseTooLarge = Kind(name: "responseTooLarge")
        /// The server sent a page token it had sent before in the same scope: a loop.
        public static let pageTokenRepeated = Kind(name: "pageTokenRepeated")
        /// The connection failed (refused, reset, TLS, DNS).
        public static let transport = Kind(name: "transport")
        /// No complete answer within the request timeout.
        public static let timedOut = Kind(name: "timedOut")
        /// The scope went on past `maxPagesPerScope` pages.
        public static let tooManyPages = Kind(name: "tooManyPages")
    }

    private let storage: Storage
    private init(_ storage: Storage) { self.storage = storage }

    /// What went wrong, to compare (`error.kind == .credentialsRefused`).
    public var kind: Kind {
        switch storage {
        case .httpStatus: .httpStatus
        case .credentialsRefused: .credentialsRefused
        case .accessDenied: .accessDenied
        case .credentialsMissing: .credentialsMissing
        case .invalidResponse: .invalidResponse
        case .responseTooLarge: .responseTooLarge
        case .pageTokenRepeated: .pageTokenRepeated
        case .transport, .connectFailed: .transport
        case .timedOut: .timedOut
        case .tooManyPages: .tooManyPages
        }
    }

    /// The HTTP status, for errors that come from an answer.
    public var statusCode: Int? {
        switch storage {
        case .httpStatus(let status, _, _), .credentialsRefused(let status, _, _), .accessDenied(let status, _, _):
            status
        default: nil
        }
    }

    /// The page limit a scope went past, for ``Kind/tooManyPages``
    /// (``ImportedNumbersClient/Configuration/maxPagesPerScope``).
    public var pageLimit: Int? {
        if case .tooManyPages(let limit) = storage { return limit }
        return nil
    }

    /// The error body the server sent, when it sent a readable one.
    public var body: APIErrorBody? {
        switch storage {
        case .httpStatus(_, let body, _), .credentialsRefused(_, let body, _), .accessDenied(_, let body, _): body
        default: nil
        }
    }

    /// What went wrong, for people. Text the server chose (error messages, page tokens, reasons) is cut to
    /// 500 characters with its control characters escaped, so it can neither flood nor
    /// forge a log line, an error list or an email.
    public var description: String {
        switch storage {
        case .httpStatus(let status, let body, let request):
            "HTTP \(status) from \(Self.shown(request))" + (body.map { ": \($0)" } ?? "")
        case .credentialsRefused(let status, let body, let endpoint):
            "the credentials were refused by \(endpoint) (HTTP \(status)"
                + (body.map { ": \($0))" } ?? ")") + "; check the key id and key secret"
        case .accessDenied(let status, let body, let request):
            "access denied (HTTP \(status)\(body.map { ": \($0)" } ?? "")) to \(Self.shown(request)); "
                + "the access key may not belong to this project, or may lack access to it"
        case .credentialsMissing(let variable):
            "the environment variable \(variable) is not set (it must hold the Sinch access key)"
        case .invalidResponse(let reason, let request):
            "invalid response from \(Self.shown(request)): \(ServerText.sanitize(reason))"
        case .responseTooLarge(let limit, let request):
            "the response from \(Self.shown(request)) is larger than the cap of \(limit) bytes"
        case .pageTokenRepeated(let tokenPrefix, let tokenLength, let firstSeenOnPage, let page):
            "the server sent page token \"\(ServerText.sanitize(tokenPrefix, limit: Self.tokenPrefixLength))\""
                + (tokenLength > tokenPrefix.count ? " (\(tokenLength) characters)" : "")
                + " after page \(page), which it had already sent after page \(firstSeenOnPage): a pagination loop"
        case .transport(let reason, let request):
            "connection failure for \(Self.shown(request)): \(ServerText.sanitize(reason))"
        case .connectFailed(let endpoint, let reason, let request):
            "could not connect to \(endpoint) (\(Self.shown(request))): \(ServerText.sanitize(reason))"
        case .timedOut(let seconds, let request):
            "no complete answer from \(Self.shown(request)) within \(seconds) s"
        case .tooManyPages(let limit):
            "the scope has more than \(limit) pages (maxPagesPerScope); stopped"
        }
    }

    /// What went wrong without naming the request, for a line that names it already (a retry's): `HTTP 503:
    /// UNAVAILABLE: …`, `no complete answer within 30.0 s`.
    public var reason: String {
        switch storage {
        case .httpStatus(let status, let body, _): "HTTP \(status)" + (body.map { ": \($0)" } ?? "")
        case .invalidResponse(let reason, _): "invalid response: \(ServerText.sanitize(reason))"
        case .transport(let reason, _): "connection failure: \(ServerText.sanitize(reason))"
        case .connectFailed(let endpoint, let reason, _):
            "could not connect to \(endpoint): \(ServerText.sanitize(reason))"
        case .timedOut(let seconds, _): "no complete answer within \(seconds) s"
        default: description
        }
    }

    /// A request target as shown in errors: its page token may be kilobytes long and is the server's text.
    private static func shown(_ request: String) -> String { ServerText.sanitize(request, limit: 300) }

    /// The characters of a repeated page token kept for its error.
    static let tokenPrefixLength = 40

    static func httpStatus(_ status: Int, body: APIErrorBody?, request: String) -> Self {
        Self(.httpStatus(status: status, body: body, request: request))
    }
    static func credentialsRefused(_ status: Int, body: APIErrorBody?, endpoint: String) -> Self {
        Self(.credentialsRefused(status: status, body: body, endpoint: endpoint))
    }
    /// A credential environment variable is missing or empty.
    package static func credentialsMissing(variable: String) -> Self {
        Self(.credentialsMissing(variable: variable))
    }
    static func invalidResponse(_ reason: String, request: String) -> Self {
        Self(.invalidResponse(reason: reason, request: request))
    }
    static func responseTooLarge(limit: Int, request: String) -> Self {
        Self(.responseTooLarge(limit: limit, request: request))
    }
    static func pageTokenRepeated(_ token: String, firstSeenOnPage: Int, page: Int) -> Self {
        Self(
            .pageTokenRepeated(
                tokenPrefix: String(token.prefix(tokenPrefixLength)), tokenLength: token.count,
                firstSeenOnPage: firstSeenOnPage, page: page))
    }
    static func accessDenied(_ status: Int, body: APIErrorBody?, request: String) -> Self {
        Self(.accessDenied(status: status, body: body, request: request))
    }
    /// No connection could be made to `endpoint` (`host:port`).
    static func connectFailed(_ endpoint: String, reason: String, request: String) -> Self {
        Self(.connectFailed(endpoint: endpoint, reason: reason, request: request))
    }
    static func transport(_ reason: String, request: String) -> Self {
        Self(.transport(reason: reason, request: request))
    }
    static func tooManyPages(limit: Int) -> Self { Self(.tooManyPages(limit: limit)) }
    static func timedOut(seconds: Double, request: String) -> Self {
        Self(.timedOut(seconds: seconds, request: request))
    }
}

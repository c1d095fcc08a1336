import AsyncHTTPClient
import Foundation
import Logging

/// A client of Sinch's Imported Numbers API: authentication, one page, or every page of a scope.
///
/// ```swift
/// try await withImportedNumbersClient(credentials: .fromEnvironment(), logger: logger) { client in
///     for try await page in client.pages(for: query) { … }
/// }
/// ```
///
/// Requests go through an ``ImportedNumbersTransport`` (AsyncHTTPClient by default); tokens, retries and
/// paging are the client's own, the same over any transport. The client is `Sendable`: share one between tasks,
/// so that they share its token and its connections.
public final class ImportedNumbersClient: Sendable {
    /// The settings the client was made with.
    public let configuration: Configuration
    private let exchange: RetryingExchange
    /// The HTTP client this client made and shuts down; `nil` when the transport is the caller's.
    private let ownedHTTPClient: HTTPClient?
    private let credentials: Credentials
    private let tokenProvider: OAuth2TokenProvider?
    private let logger: Logger
    private let counters = StatisticsRecorder()

    /// Creates a client with its own HTTP connection pool; call ``shutdown()`` when done, or use
    /// ``withImportedNumbersClient(configuration:credentials:transport:logger:isolation:_:)``, which does.
    /// - Parameters:
    ///   - logger: where the client logs (retries and token fetches at `debug`, see
    ///     ``Configuration/retryLogLevel``; a token expiry at `info`). `nil`, the default, logs nothing.
    /// - Throws: ``ConfigurationProblem`` when a setting is not allowed.
    public convenience init(configuration: Configuration, credentials: Credentials, logger: Logger? = nil) throws {
        try configuration.validate()  // before the timeout is converted for NIO
        let httpClient = AsyncHTTPClientTransport.makeHTTPClient(for: configuration)
        do {
            try self.init(
                configuration: configuration, credentials: credentials,
                transport: AsyncHTTPClientTransport(httpClient: httpClient), ownedHTTPClient: httpClient,
                logger: logger)
        } catch {
            try? httpClient.syncShutdown()
            throw error
        }
    }

    /// Creates a client on an HTTP client the caller owns and shuts down.
    /// - Parameter logger: as for ``init(configuration:credentials:logger:)``; `nil` logs nothing.
    public convenience init(
        configuration: Configuration, credentials: Credentials, httpClient: HTTPClient, logger: Logger? = nil
    ) throws {
        try self.init(
            configuration: configuration, credentials: credentials,
            transport: AsyncHTTPClientTransport(httpClient: httpClient), logger: logger)
    }

    /// Creates a client on a transport the caller owns (``InMemoryTransport`` in tests, say).
    /// - Parameter logger: as for ``init(configuration:credentials:logger:)``; `nil` logs nothing.
    public convenience init(
        configuration: Configuration, credentials: Credentials, transport: any ImportedNumbersTransport,
        logger: Logger? = nil
    ) throws {
        try self.init(
            configuration: configuration, credentials: credentials, transport: transport, ownedHTTPClient: nil,
            logger: logger)
    }

    private init(
        configuration: Configuration, credentials: Credentials, transport: any ImportedNumbersTransport,
        ownedHTTPClient: HTTPClient?, logger: Logger?
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        self.credentials = credentials
        let resolvedLogger = logger ?? Self.loggingDisabled
        self.exchange = RetryingExchange(
            transport: HTTPExchange(
                transport: transport, timeout: configuration.requestTimeout,
                maxResponseBytes: configuration.maxResponseBytes),
            policy: configuration.retryPolicy, maxAttempts: configuration.maxAttempts, logger: resolvedLogger,
            retryLogLevel: configuration.retryLogLevel, counters: counters)
        self.ownedHTTPClient = ownedHTTPClient
        self.logger = resolvedLogger
        if configuration.authentication == .oauth2 {
            let fetcher = TokenFetcher(
                tokenURL: configuration.tokenURL, credentials: credentials, userAgent: configuration.userAgent,
                exchange: exchange, logger: resolvedLogger)
            let margin = configuration.tokenRefreshMargin
            tokenProvider = OAuth2TokenProvider(
                refreshMargin: margin.inSeconds, unreachableMemory: configuration.tokenEndpointFailureMemory.inSeconds
            ) { try await fetcher.fetch() }
        } else {
            tokenProvider = nil
        }
    }

    /// A logger that drops everything: what the client logs to when it is given none.
    package static let loggingDisabled = Logger(label: "sinch.imported-numbers") { _ in SwiftLogNoOpLogHandler() }

    /// Shuts the HTTP client down if this client created it; a transport given to the client is the caller's to
    /// shut down. No request may be made afterwards.
    public func shutdown() async throws {
        try await ownedHTTPClient?.shutdown()
    }

    /// Requests, retries and token fetches so far.
    public var statistics: ClientStatistics { counters.snapshot }

    /// Every page of one scope, in order, following `nextPageToken` to the end.
    /// - Parameter logMetadata: how log lines about a request of this scope (a retry) name it, e.g. the
    ///   caller's name for the scope; the page number is added. When empty, a request is named by its target.
    public func pages(for query: ImportedNumbersQuery, logMetadata: Logger.Metadata = [:]) -> ImportedNumberPages {
        ImportedNumberPages(client: self, query: query, logMetadata: logMetadata)
    }

    /// One page of a scope.
    /// - Parameter logMetadata: as for ``pages(for:logMetadata:)``.
    public func fetchPage(
        _ query: ImportedNumbersQuery, pageToken: String?, number: Int = 1, logMetadata: Logger.Metadata = [:]
    ) async throws
        -> ImportedNumbersPage
    {
        let target = query.requestTarget(pageToken: pageToken)
        var authorization = ""
        var refreshedAfterExpiry = false
        let describedAs = logMetadata.isEmpty ? nil : logMetadata.merging(["page": .stringConvertible(number)]) { $1 }
        return try await exchange.run(target: target, describedAs: describedAs) {
            authorization = try await authorizationHeader()
            let request = TransportRequest(
                method: "GET", url: configuration.baseURL + target,
                headers: [
                    (name: "Authorization", value: authorization), (name: "Accept", value: "application/json"),
                    (name: "User-Agent", value: configuration.userAgent),
                ])
            counters.record { $0.listRequests += 1 }
            return request
        } interpret: { outcome -> RetryingExchange.Verdict<ImportedNumbersPage> in
            switch outcome.status {
            case 200:
                do {
                    let decoded = try ListImportedNumbersResponse.decodeWithSpans(from: outcome.body)
                    return .done(
                        ImportedNumbersPage(
                            query: query, number: number, pageToken: pageToken, requestTarget: target,
                            fetchedAt: Date(), body: outcome.body, response: decoded.response,
                            recordSpans: decoded.spans))
                } catch {
                    return .retry(.invalidResponse(Self.describe(error), request: target), retryAfter: nil)
                }
            case 401 where tokenProvider != nil && !refreshedAfterExpiry && Self.saysTokenExpired(outcome):
                refreshedAfterExpiry = true
                counters.record { $0.tokenRefreshesAfterExpiry += 1 }
                logger.info("access token expired; fetching a new one", metadata: ["request": "\(target)"])
                await tokenProvider?.invalidate(String(authorization.dropFirst("Bearer ".count)))
                return .resend
            case 401:
                return .fail(
                    SinchAPIError.credentialsRefused(
                        outcome.status, body: APIErrorBody.decode(from: outcome.body),
                        endpoint: "the Imported Numbers API"))
            case 403:
                // Keys belong to a project: this scope is closed to the key, the credentials themselves are fine.
                return .fail(
                    SinchAPIError.accessDenied(
                        outcome.status, body: APIErrorBody.decode(from: outcome.body), request: target))
            case let status:
                let error = SinchAPIError.httpStatus(
                    status, body: APIErrorBody.decode(from: outcome.body), request: target)
                return RetryPolicy.retryableStatuses.contains(status)
                    ? .retry(error, retryAfter: RetryingExchange.retryAfter(outcome)) : .fail(error)
            }
        }
    }

    /// Fetches (and caches) the OAuth2 access token now, so that refused credentials or an unreachable
    /// token endpoint show up before any page is requested. Does nothing with basic authentication.
    public func authorize() async throws {
        _ = try await authorizationHeader()
    }

    private func authorizationHeader() async throws -> String {
        if let tokenProvider { return "Bearer " + (try await tokenProvider.token()) }
        return credentials.basicAuthorization
    }

    static func saysTokenExpired(_ response: TransportResponse) -> Bool {
        response.values(forHeader: "WWW-Authenticate").contains { $0.contains("invalid_token") }
    }

    static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return describeJSONError(error) }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
                .joined()
            return path.isEmpty ? "the body" : String(path.drop { $0 == "." })
        }
        switch decodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing \(key.stringValue)"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription) (not valid JSON)"
        @unknown default:
            return "\(decodingError)"
        }
    }

    /// Foundation's JSON parser reports some faults it meets lazily (a lone UTF-16 surrogate in a string) as
    /// `expectedLowSurrogateUTF8SequenceAfterHighSurrogate(location: …SourceLocation(line: 1, column: 9, index: 8))`:
    /// said as `invalid JSON text (expectedLowSurrogateUTF8SequenceAfterHighSurrogate) at byte 8 of the page`.
    private static func describeJSONError(_ error: any Error) -> String {
        let text = "\(error)"
        guard let open = text.firstIndex(of: "("), text.contains("SourceLocation"),
            let index = text.range(of: "index: ")
        else { return text }
        let offset = text[index.upperBound...].prefix { $0.isNumber }
        return "invalid JSON text (\(text[..<open])) at byte \(offset) of the page"
    }
}

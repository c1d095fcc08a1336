import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A client of Sinch's Imported Numbers API: authentication, one page, or every page of a scope.
///
/// ```swift
/// let client = try ImportedNumbersClient(configuration: .init(), credentials: .fromEnvironment())
/// for try await page in client.pages(for: query) { … }
/// try await client.shutdown()
/// ```
public final class ImportedNumbersClient: Sendable {
    public let configuration: Configuration
    let httpClient: HTTPClient
    private let exchange: RetryingExchange
    private let ownsHTTPClient: Bool
    private let credentials: Credentials
    private let tokenProvider: OAuth2TokenProvider?
    private let logger: Logger
    private let counters = StatisticsRecorder()

    /// Creates a client with its own HTTP connection pool; call ``shutdown()`` when done.
    /// - Throws: ``ConfigurationProblem`` when a URL is not allowed.
    public convenience init(configuration: Configuration, credentials: Credentials, logger: Logger? = nil) throws {
        try configuration.validate()  // before the timeout is converted for NIO
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.redirectConfiguration = .disallow  // never carry credentials to another host
        let timeout = configuration.requestTimeout.nioTimeAmount
        httpConfiguration.timeout = .init(connect: min(timeout, .seconds(5)), read: timeout)
        // The pool would retry a refused connection until the connect timeout, a budget inside our own:
        // a failed connection fails the attempt at once, and RetryingExchange alone decides on another.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        httpConfiguration.decompression = .disabled
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        do {
            try self.init(
                configuration: configuration, credentials: credentials, httpClient: httpClient, ownsHTTPClient: true,
                logger: logger)
        } catch {
            try? httpClient.syncShutdown()
            throw error
        }
    }

    /// Creates a client on an HTTP client the caller owns and shuts down.
    public convenience init(
        configuration: Configuration, credentials: Credentials, httpClient: HTTPClient, logger: Logger? = nil
    ) throws {
        try self.init(
            configuration: configuration, credentials: credentials, httpClient: httpClient, ownsHTTPClient: false,
            logger: logger)
    }

    private init(
        configuration: Configuration, credentials: Credentials, httpClient: HTTPClient, ownsHTTPClient: Bool,
        logger: Logger?
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        self.credentials = credentials
        self.httpClient = httpClient
        let resolvedLogger = logger ?? Logger(label: "sinch.imported-numbers")
        self.exchange = RetryingExchange(
            transport: HTTPExchange(
                httpClient: httpClient, timeout: configuration.requestTimeout,
                maxResponseBytes: configuration.maxResponseBytes),
            policy: configuration.retryPolicy, maxAttempts: configuration.maxAttempts, logger: resolvedLogger,
            counters: counters)
        self.ownsHTTPClient = ownsHTTPClient
        self.logger = resolvedLogger
        if configuration.authentication == .oauth2 {
            let fetcher = TokenFetcher(
                tokenURL: configuration.tokenURL, credentials: credentials, exchange: exchange, logger: resolvedLogger)
            let margin = configuration.tokenRefreshMargin
            tokenProvider = OAuth2TokenProvider(
                refreshMargin: margin.inSeconds, unreachableMemory: configuration.tokenEndpointFailureMemory.inSeconds
            ) { try await fetcher.fetch() }
        } else {
            tokenProvider = nil
        }
    }

    /// Shuts the HTTP client down if this client created it.
    public func shutdown() async throws {
        if ownsHTTPClient { try await httpClient.shutdown() }
    }

    /// Requests, retries and token fetches so far.
    public var statistics: ClientStatistics { counters.snapshot }

    /// Every page of one scope, in order, following `nextPageToken` to the end.
    public func pages(for query: ImportedNumbersQuery) -> ImportedNumberPages {
        ImportedNumberPages(client: self, query: query)
    }

    /// One page of a scope.
    public func fetchPage(
        _ query: ImportedNumbersQuery, pageToken: String?, number: Int = 1
    ) async throws
        -> ImportedNumbersPage
    {
        let target = query.requestTarget(pageToken: pageToken)
        var authorization = ""
        var refreshedAfterExpiry = false
        return try await exchange.run(target: target) {
            authorization = try await authorizationHeader()
            var request = HTTPClientRequest(url: configuration.baseURL + target)
            request.method = .GET
            request.headers.add(name: "Authorization", value: authorization)
            request.headers.add(name: "Accept", value: "application/json")
            request.headers.add(name: "User-Agent", value: configuration.userAgent)
            counters.record { $0.listRequests += 1 }
            return request
        } interpret: { outcome -> RetryingExchange.Verdict<ImportedNumbersPage> in
            switch outcome.status {
            case 200:
                do {
                    let response = try ListImportedNumbersResponse.decode(from: outcome.body)
                    return .done(
                        ImportedNumbersPage(
                            query: query, number: number, pageToken: pageToken, requestTarget: target,
                            fetchedAt: Date(), body: outcome.body, response: response))
                } catch {
                    return .retry(.invalidResponse(Self.describe(error), request: target), retryAfter: nil)
                }
            case 401 where tokenProvider != nil && !refreshedAfterExpiry && Self.saysTokenExpired(outcome.headers):
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

    static func saysTokenExpired(_ headers: HTTPHeaders) -> Bool {
        headers["WWW-Authenticate"].contains { $0.contains("invalid_token") }
    }

    static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
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
}

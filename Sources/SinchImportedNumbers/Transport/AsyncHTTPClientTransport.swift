import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The default ``ImportedNumbersTransport``: AsyncHTTPClient.
///
/// It does not own its `HTTPClient`: whoever made the client shuts it down (``ImportedNumbersClient`` does for
/// the one it makes itself).
public struct AsyncHTTPClientTransport: ImportedNumbersTransport {
    /// The HTTP client requests go through.
    package let httpClient: HTTPClient

    /// A transport over `httpClient`, which the caller shuts down after the last request.
    ///
    /// Configure it with redirects disabled (the client never carries credentials to another host) and
    /// without automatic decompression, as the one the client makes for itself.
    public init(httpClient: HTTPClient) {
        self.httpClient = httpClient
    }

    /// Sends `request`; the body is collected up to `maxResponseBytes`.
    public func execute(
        _ request: TransportRequest, timeout: Duration, maxResponseBytes: Int
    ) async throws
        -> TransportResponse
    {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if !request.body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let response = try await httpClient.execute(outgoing, deadline: .now() + timeout.nioTimeAmount)
        let buffer = try await response.body.collect(upTo: maxResponseBytes)
        return TransportResponse(
            status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: Array(buffer.readableBytesView))
    }

    /// An `HTTPClient` set up as the client needs it: no redirects (credentials never go to another host), no
    /// decompression (the body is kept as received), a connect timeout within `requestTimeout`, and no retry
    /// of a refused connection (the client's own retries decide).
    package static func makeHTTPClient(for configuration: ImportedNumbersClient.Configuration) -> HTTPClient {
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.redirectConfiguration = .disallow  // never carry credentials to another host
        let timeout = configuration.requestTimeout.nioTimeAmount
        httpConfiguration.timeout = .init(connect: min(timeout, .seconds(5)), read: timeout)
        // The pool would retry a refused connection until the connect timeout, a budget inside our own:
        // a failed connection fails the attempt at once, and RetryingExchange alone decides on another.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        httpConfiguration.decompression = .disabled
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }
}

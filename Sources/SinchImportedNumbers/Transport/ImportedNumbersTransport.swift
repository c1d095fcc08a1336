/// The seam between the client and HTTP: sends one request and returns its whole answer.
///
/// Everything above it (authentication and token refresh, retries and their backoff, paging, loop
/// detection, the whole-exchange timeout, error texts) is the client's, so it works the same over any
/// transport. ``AsyncHTTPClientTransport`` is the default; ``InMemoryTransport`` answers from canned
/// responses, for tests of code that uses the client.
///
/// An implementation should stop reading a body past `maxResponseBytes` (the client refuses a longer one in
/// any case) and may use `timeout` for its own deadlines; the client also cuts every exchange at `timeout`
/// by cancelling the call. Any error thrown is a transport failure, which the client retries; throw
/// `CancellationError` when the calling task was cancelled.
public protocol ImportedNumbersTransport: Sendable {
    /// Sends `request` and returns the status, headers and whole body of the answer.
    /// - Parameters:
    ///   - request: the request, with its `Authorization` header (never log it).
    ///   - timeout: the longest the whole exchange may take, from connecting to the body's last byte.
    ///   - maxResponseBytes: the largest body the client accepts.
    func execute(
        _ request: TransportRequest, timeout: Duration, maxResponseBytes: Int
    ) async throws
        -> TransportResponse
}

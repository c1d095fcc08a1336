/// What a client has done so far: for the run summary and the metrics.
public struct ClientStatistics: Sendable, Hashable {
    /// HTTP requests sent to the list endpoint, retries included.
    public var listRequests = 0
    /// HTTP requests sent to the token endpoint.
    public var tokenRequests = 0
    /// Attempts repeated after a retryable failure.
    public var retries = 0
    /// Tokens dropped after the API said they had expired.
    public var tokenRefreshesAfterExpiry = 0

    package init() {}
}

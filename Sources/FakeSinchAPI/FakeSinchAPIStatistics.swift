/// Counters of what a ``FakeSinchAPI`` has answered so far.
public struct FakeSinchAPIStatistics: Sendable, Hashable {
    /// Requests to `POST /oauth2/token`, whatever the answer.
    public var tokenRequests = 0
    /// Requests to `GET /v1/projects/{projectId}/importedNumbers`, whatever the answer.
    public var listRequests = 0
    /// Requests answered with a status of 400 or above (any endpoint, injected faults included).
    public var rejectedRequests = 0
    /// List requests that were answered with a page (status 200).
    public var pagesServed = 0
    /// Records sent in those pages.
    public var recordsServed = 0
    /// Access tokens issued.
    public var tokensIssued = 0
    /// List requests that authenticated with HTTP Basic rather than a bearer token.
    public var basicAuthListRequests = 0
    /// List requests counted for ``FakeSinchAPIConfiguration/recurringFaults``.
    public var listRequestsForFaults = 0

    /// Creates zeroed counters.
    public init() {}
}

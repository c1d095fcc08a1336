/// A one-shot fault the fake answers with instead of its normal response (see ``FakeSinchAPI/injectFaults(_:on:)``).
public enum FakeSinchAPIFault: Sendable, Hashable {
    /// 429 with Sinch's generic `{type, title, detail}` body; `Retry-After` is sent when `retryAfter` is not nil
    /// (pass seconds like `"2"` or an HTTP date).
    case tooManyRequests(retryAfter: String?)
    /// The given 5xx (or any) status with the documented flat `ErrorResponse` body.
    case serverError(status: Int)
    /// List endpoint only: the page is served normally but its `nextPageToken` repeats the request's own
    /// `pageToken`, a paging loop. The fault waits in the queue for the first request that carries a page token.
    case repeatPageToken
    /// List endpoint only: the page is served normally but its `nextPageToken` points back at the second page of
    /// the same query (the token the first page carried), so a client that has read past it sees A → B → A.
    /// Like ``repeatPageToken`` it waits for the first request that carries a page token.
    case rewindPageToken

    /// Faults that change a page rather than replace the answer, and so need a request with a page token.
    var isPagingLoop: Bool { self == .repeatPageToken || self == .rewindPageToken }

    /// Which endpoint a fault queue belongs to.
    public enum Endpoint: Sendable, Hashable {
        /// `POST /oauth2/token`.
        case token
        /// `GET /v1/projects/{projectId}/importedNumbers`.
        case importedNumbers
    }
}

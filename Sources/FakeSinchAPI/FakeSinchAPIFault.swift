/// A one-shot fault the fake answers with instead of its normal response (see ``FakeSinchAPI/injectFaults(_:on:)``).
public enum FakeSinchAPIFault: Sendable, Hashable {
    /// 429 with Sinch's generic `{type, title, detail}` body; `Retry-After` is sent when `retryAfter` is not nil
    /// (pass seconds like `"2"` or an HTTP date).
    case tooManyRequests(retryAfter: String?)
    /// The given 5xx (or any) status with the documented flat `ErrorResponse` body.
    case serverError(status: Int)
    /// The given status with the wrapped `{error: {code, message, status, details}}` body of Sinch's other APIs.
    case wrappedServerError(status: Int)
    /// Answer normally: a gap in a queue of faults.
    case pass
    /// Wait this long, then answer normally: longer than the client's timeout, it is a stalled response.
    case stall(Duration)
    /// Every token issued so far expires just before this request is authenticated.
    case expireTokens
    /// List endpoint: a 200 whose JSON body is cut in half (a complete HTTP answer).
    case truncatedJSON
    /// List endpoint: a 200 whose body is not JSON at all.
    case invalidJSON
    /// List endpoint: the answer announces the whole page but the connection is closed halfway through the body.
    case connectionReset
    /// List endpoint: the page holds twice the records asked for, beyond the server's own cap.
    case oversizedPage
    /// List endpoint: the page's `nextPageToken` points 5 records back, so the next page repeats them.
    case overlappingPage
    /// List endpoint only: the page is served normally but its `nextPageToken` repeats the request's own
    /// `pageToken`, a paging loop. The fault waits in the queue for the first request that carries a page token.
    case repeatPageToken
    /// List endpoint only: the page is served normally but its `nextPageToken` points back at the second page of
    /// the same query (the token the first page carried), so a client that has read past it sees A → B → A.
    /// Like ``repeatPageToken`` it waits for the first request that carries a page token.
    case rewindPageToken

    /// List endpoint: the whole, valid page, announced with its `Content-Length` and sent one byte every `interval`,
    /// so that each byte resets a read timeout while the answer takes hours.
    case trickle(interval: Duration)
    /// List endpoint: a chunked 200 that starts like a page and never ends: a chunk of whitespace every 100 ms.
    case endlessChunked
    /// List endpoint: the page's first record has `phoneNumber` twice, a made-up number first and its own last
    /// (JSONDecoder keeps the first, Python, jq and JavaScript the last).
    case duplicateMembers
    /// List endpoint: the page has `nextPageToken` twice, an empty one first and the real one last.
    case duplicatePageMember
    /// List endpoint: the first `displayName` of the page holds bytes that are not UTF-8 (`FF C3 28`).
    case invalidUTF8
    /// List endpoint: a 500 whose flat error body has a message of `characters` characters.
    case hugeErrorMessage(characters: Int)
    /// List endpoint: a 500 whose message tries to forge a log line and clear the terminal
    /// (`"\r\n[forged log line]\u{1B}[2J"`).
    case forgedErrorMessage
    /// Token endpoint: a token is issued, but its `access_token` has a CR LF and a header after it.
    case tokenWithCRLF

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

import Foundation

/// Obtains, caches and refreshes the OAuth2 client-credentials token shared by all requests.
///
/// Concurrent callers wait on one token request; the token is refreshed `refreshMargin` before
/// `expires_in` runs out, and ``invalidate(_:)`` drops it after the API said it expired.
actor OAuth2TokenProvider {
    private let fetch: @Sendable () async throws -> OAuth2Token
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: OAuth2Token?
    private var inFlight: Task<OAuth2Token, any Error>?
    /// Credentials the endpoint refused: they are not sent again in this client's life.
    private var refusal: SinchAPIError?

    init(
        refreshMargin: TimeInterval, now: @escaping @Sendable () -> Date = Date.init,
        fetch: @escaping @Sendable () async throws -> OAuth2Token
    ) {
        self.fetch = fetch
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// A token valid for at least `refreshMargin` more seconds.
    func token() async throws -> String {
        if let cached, cached.expiresAt.timeIntervalSince(now()) > refreshMargin {
            return cached.accessToken
        }
        if let refusal { throw refusal }
        if let inFlight {
            return try await inFlight.value.accessToken
        }
        let task = Task { try await fetch() }
        inFlight = task
        defer { inFlight = nil }
        let token: OAuth2Token
        do {
            token = try await task.value
        } catch let error as SinchAPIError where error.kind == .credentialsRefused {
            refusal = error
            throw error
        }
        cached = token
        return token.accessToken
    }

    /// Drops `token` if it is still the cached one (a concurrent caller may have refreshed already).
    func invalidate(_ token: String) {
        if cached?.accessToken == token { cached = nil }
    }
}

import Foundation

/// Obtains, caches and refreshes the OAuth2 client-credentials token shared by all requests.
///
/// Concurrent callers wait on one token request; the token is refreshed `refreshMargin` before
/// `expires_in` runs out, and ``invalidate(_:)`` drops it after the API said it expired.
///
/// Failures are remembered so that many scopes do not each pay for the same one: refused credentials
/// for the client's life (the same key would be refused again), and an unreachable endpoint (connection
/// failures or timeouts through a whole retry budget) for `unreachableMemory` seconds — long enough to
/// fail the other scopes of the night at once, short enough for a long run to try again later.
actor OAuth2TokenProvider {
    private let fetch: @Sendable () async throws -> OAuth2Token
    private let refreshMargin: TimeInterval
    private let unreachableMemory: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: OAuth2Token?
    private var inFlight: Task<OAuth2Token, any Error>?
    /// Credentials the endpoint refused: they are not sent again in this client's life.
    private var refusal: SinchAPIError?
    /// The endpoint could not be reached through a whole budget, and when that was found.
    private var unreachable: (error: SinchAPIError, since: Date)?

    init(
        refreshMargin: TimeInterval, unreachableMemory: TimeInterval = 120,
        now: @escaping @Sendable () -> Date = Date.init,
        fetch: @escaping @Sendable () async throws -> OAuth2Token
    ) {
        self.fetch = fetch
        self.refreshMargin = refreshMargin
        self.unreachableMemory = unreachableMemory
        self.now = now
    }

    /// A token valid for at least `refreshMargin` more seconds.
    func token() async throws -> String {
        if let cached, cached.expiresAt.timeIntervalSince(now()) > refreshMargin {
            return cached.accessToken
        }
        if let refusal { throw refusal }
        if let unreachable {
            if now().timeIntervalSince(unreachable.since) < unreachableMemory { throw unreachable.error }
            self.unreachable = nil
        }
        if let inFlight {
            return try await inFlight.value.accessToken
        }
        let task = Task { try await fetch() }
        inFlight = task
        defer { inFlight = nil }
        let token: OAuth2Token
        do {
            // The fetch is a task of its own (other callers wait on it); a cancelled caller (a stopped run)
            // cancels it rather than wait through the token endpoint's whole retry budget.
            token = try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch let error as SinchAPIError where error.kind == .credentialsRefused {
            refusal = error
            throw error
        } catch let error as SinchAPIError where error.kind == .transport || error.kind == .timedOut {
            if !Task.isCancelled { unreachable = (error, now()) }  // a cancelled run proves nothing about the endpoint
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

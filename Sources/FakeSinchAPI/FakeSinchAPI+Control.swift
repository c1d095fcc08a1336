extension FakeSinchAPI {
    /// What the fake has answered so far.
    public var statistics: FakeSinchAPIStatistics {
        handler.counters.withLock { $0 }
    }

    /// Every access token issued so far now answers 401 with
    /// `WWW-Authenticate: Bearer error="invalid_token", error_description="Jwt expired at …"`.
    /// Tokens issued afterwards work normally.
    public func expireIssuedTokens() {
        handler.tokens.expireAll()
    }

    /// Queues one-shot faults: each of the next requests to `endpoint` gets the next fault instead of its normal
    /// answer (after the configured latency, before authentication).
    ///
    /// ``FakeSinchAPIFault/repeatPageToken`` and ``FakeSinchAPIFault/rewindPageToken`` only apply to the list endpoint and waits for a request that
    /// carries a page token; on the token endpoint it is ignored.
    public func injectFaults(_ faults: [FakeSinchAPIFault], on endpoint: FakeSinchAPIFault.Endpoint = .importedNumbers)
    {
        let accepted = endpoint == .token ? faults.filter { !$0.isPagingLoop } : faults
        handler.faults.withLock { $0[endpoint, default: []].append(contentsOf: accepted) }
    }

    /// Every access token issued so far: for tests that check no token leaks into outputs.
    public var issuedTokens: [String] { handler.tokens.all }

    /// Drops every queued fault.
    public func clearFaults() {
        handler.faults.withLock { $0.removeAll() }
    }
}

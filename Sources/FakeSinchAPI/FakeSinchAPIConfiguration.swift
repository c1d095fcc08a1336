import Foundation

/// Everything that shapes one ``FakeSinchAPI`` instance: its scopes, credentials, data set and server behaviour.
public struct FakeSinchAPIConfiguration: Sendable {
    /// The scopes served, in scope-index order. Defaults to ``FakeScope/demo``.
    public var scopes: [FakeScope] = FakeScope.demo
    /// The key id accepted by HTTP Basic on both endpoints.
    public var keyID = "demo-key-id"
    /// The key secret accepted by HTTP Basic on both endpoints.
    public var keySecret = "demo-key-secret"
    /// Projects with an access key of their own, by project id. Such a project is open only to its key (a token
    /// issued for it, or HTTP Basic with it); every other project only to ``keyID`` / ``keySecret``. The token
    /// endpoint accepts every key; a key used on a project it does not belong to gets 403 `PERMISSION_DENIED`.
    public var projectKeys: [String: FakeAccessKey] = [:]
    /// Answer a list request for an unknown service plan + campaign pair with an empty page (200,
    /// `{"importedNumbers":[],"totalSize":0}`) instead of 404 `NOT_FOUND`: the API reference does not say which.
    public var unknownScopesAnswerEmpty = false
    /// Seeds the data set's jitter (times, ids) and the page-token signature. Same seed, same bytes.
    ///
    /// The seed also decides on which scopes the last page omits `nextPageToken` rather than sending `""`:
    /// it is omitted when `scopeIndex + seed` is odd.
    public var seed: UInt64 = 1
    /// The data set's "now": every update time is an offset before it.
    ///
    /// Defaults to the current time truncated to whole seconds.
    public var referenceTime: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    /// The server-side cap on `pageSize`.
    public var pageSizeCap = 250
    /// The page size used when the request has no `pageSize` (or `pageSize=0`).
    public var defaultPageSize = 100
    /// The `expires_in` of issued access tokens; tokens stop working that many seconds after issue.
    public var tokenLifetimeSeconds = 3600
    /// Delay added before every response of the list endpoint.
    public var latency: Duration = .zero
    /// The TCP port to bind on 127.0.0.1; `0` picks a free port (read it from ``FakeSinchAPI/port``).
    public var port = 0
    /// Faults that recur: every ``faultEvery``-th list request gets the next of these, in a cycle.
    public var recurringFaults: [FakeSinchAPIFault] = []
    /// See ``recurringFaults``; 0 turns them off.
    public var faultEvery = 0
    /// Faults of every token request, in a cycle (``FakeSinchAPIFault/tokenWithCRLF``, a 500, …); empty: none.
    public var recurringTokenFaults: [FakeSinchAPIFault] = []
    /// Changes to single numbers, by phone number, applied over the generated data set (and over the night's).
    public var changes: [String: FakeNumberChange] = [:]
    /// How many nights the data set has evolved: `0` serves it as generated; night `n ≥ 1` adds `n` nights of
    /// deterministic changes (numbers failing, recovering, going stale, added and removed; see ``FakeNightPlan``)
    /// drawn from the seed, the night and each phone number, never the wall clock. Nights are taken to be a day
    /// apart: give night `n` a ``referenceTime`` one day after night `n - 1`'s.
    public var night = 0
    /// Every this-many-th record of each scope (case index, from the scope's 1st) is sent in a shape that does not
    /// decode (`migrateToSinchTmo: "true"`, `servicePlanId: 123`, a lone surrogate in `displayName`, in turn);
    /// 0 turns it off. 100 gives 1%.
    public var undecodableEvery = 0

    /// Creates the default configuration: the demo scopes, demo credentials, seed 1, "now" as reference time.
    public init() {}
}

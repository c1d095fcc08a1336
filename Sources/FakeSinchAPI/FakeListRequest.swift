/// A validated list request: the query, the effective page size and the decoded page offset.
struct FakeListRequest: Sendable {
    var query: FakeListQuery
    var pageSize: Int
    /// The raw `pageToken` (`nil` when absent or empty).
    var pageToken: String?
}

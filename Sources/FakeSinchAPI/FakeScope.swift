/// One scope the fake serves: a project with a service plan + campaign pair and the size of its data set.
///
/// The `(projectId, servicePlanId, campaignId)` triple identifies the scope on the wire; `numbers` is how many
/// imported numbers the fake generates for it. A scope's position in ``FakeSinchAPIConfiguration/scopes`` is its
/// "scope index", which feeds the generated phone numbers and a few per-scope variations.
public struct FakeScope: Sendable, Hashable {
    /// The Sinch project id, the `{projectId}` path segment.
    public var projectId: String
    /// The hosting order's service plan, the `servicePlanId` query parameter.
    public var servicePlanId: String
    /// The hosting order's campaign, the `campaignId` query parameter.
    public var campaignId: String
    /// How many imported numbers the fake generates for this scope.
    public var numbers: Int
    /// Where this scope's records start in the table of cases; by default right after the earlier scopes'
    /// records. Fix it to keep this scope's records the same when an earlier scope changes size.
    public var caseOffset: Int?

    /// Creates a scope.
    /// - Parameters:
    ///   - projectId: the project id (path segment).
    ///   - servicePlanId: the service plan id (query parameter).
    ///   - campaignId: the campaign id (query parameter).
    ///   - numbers: the size of the generated data set; negative values count as zero.
    public init(projectId: String, servicePlanId: String, campaignId: String, numbers: Int) {
        self.projectId = projectId
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.numbers = max(0, numbers)
    }
}

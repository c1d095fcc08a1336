extension FakeScope {
    /// The project id shared by the demo scopes.
    public static let demoProjectId = "d1923022-5199-4bb3-a513-c47b3a656bc5"

    /// The three demo scopes (120, 75 and 40 numbers) used by `numbers-report demo` and by default.
    ///
    /// All three live in project ``demoProjectId``; `samples/demo.yaml` should list the same triples.
    public static let demo: [FakeScope] = [
        FakeScope(
            projectId: demoProjectId,
            servicePlanId: "324e4567e89b12d3a456426614174000",
            campaignId: "C3O84GA",
            numbers: 120
        ),
        FakeScope(
            projectId: demoProjectId,
            servicePlanId: "5a1b2c3d4e5f60718293a4b5c6d7e8f9",
            campaignId: "CRETAIL1",
            numbers: 75
        ),
        FakeScope(
            projectId: demoProjectId,
            servicePlanId: "0130a21c9ed6461ba3a1fefda83f7ec7",
            campaignId: "CDCQLGJ",
            numbers: 40
        ),
    ]
}

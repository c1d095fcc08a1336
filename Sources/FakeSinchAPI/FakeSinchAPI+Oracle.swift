import Foundation

extension FakeSinchAPI {
    /// The full, unfiltered data set of one scope in API order (created time), as `JSONSerialization` objects.
    ///
    /// Parsed from the very bytes the pages serve, so it is an exact oracle for tests. Empty for a scope that is
    /// not configured (matched on project, service plan and campaign; `numbers` is ignored). Meant for small scopes.
    public func records(for scope: FakeScope) -> [[String: Any]] {
        let data = recordsJSON(for: scope)
        return (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? []
    }

    /// The full, unfiltered data set of one scope as a JSON array, byte for byte as the pages serve each record.
    ///
    /// Decode it with your own models to compare with what a client fetched. `[]` for an unknown scope.
    public func recordsJSON(for scope: FakeScope) -> Data {
        guard let index = scopeIndex(of: scope) else { return Data("[]".utf8) }
        return Data(handler.dataSet.recordsJSON(scope: index))
    }

    /// One page body holding the records of every scope of a fake made with `seed`: the demo scopes' (when
    /// `demoScopes`) and `numbers` more, each record byte for byte as the pages serve it, with a page token and a
    /// total. For tests of decoders and writers on the fake's data (every state, hostile text, unknown fields).
    public static func pageBody(seed: UInt64, numbers: Int, demoScopes: Bool = true) -> [UInt8] {
        var configuration = FakeSinchAPIConfiguration()
        configuration.seed = seed
        configuration.referenceTime = Date(timeIntervalSince1970: 1_764_381_600)
        configuration.scopes =
            (demoScopes ? FakeScope.demo : [])
            + [FakeScope(projectId: "p", servicePlanId: "s", campaignId: "c", numbers: numbers)]
        let fake = FakeSinchAPI(configuration: configuration)
        // recordsJSON is an array per scope: strip its brackets to join them.
        let records = configuration.scopes.map { Array(Array(fake.recordsJSON(for: $0)).dropFirst().dropLast()) }
            .filter { !$0.isEmpty }
        return Array(#"{"importedNumbers":["#.utf8) + Array(records.joined(separator: Array(",".utf8)))
            + Array(#"],"nextPageToken":"abc","totalSize":7}"#.utf8)
    }

    /// The phone numbers of one scope in API order (cheap even for large scopes).
    public func phoneNumbers(for scope: FakeScope) -> [String] {
        guard let index = scopeIndex(of: scope) else { return [] }
        let dataSet = handler.dataSet
        return (0..<dataSet.count(scope: index)).map {
            dataSet.phoneNumber(scope: index, index: dataSet.recordIndex(scope: index, row: $0))
        }
    }

    /// How many records a query for `scope` matches: its `totalSize`.
    ///
    /// `numberPattern` / `searchPattern` use the API's spelling (`"+1206"`, `"START"`); an invalid filter
    /// (which the server would answer with 400) counts as no match. 0 for an unknown scope.
    public func recordCount(
        for scope: FakeScope,
        regionCode: String? = nil,
        numberPattern: String? = nil,
        searchPattern: String? = nil
    ) -> Int {
        guard let index = scopeIndex(of: scope) else { return 0 }
        var query = FakeListQuery(scopeIndex: index, regionCode: regionCode)
        if let numberPattern {
            guard let searchPattern, let parsed = FakeListQuery.SearchPattern(rawValue: searchPattern) else {
                return 0
            }
            query.pattern = numberPattern
            query.searchPattern = parsed
        }
        if query.isIdentity { return handler.dataSet.count(scope: index) }
        return handler.indexCache.indices(for: query, in: handler.dataSet).count
    }

    private func scopeIndex(of scope: FakeScope) -> Int? {
        handler.dataSet.scopeIndex(
            projectId: scope.projectId,
            servicePlanId: scope.servicePlanId,
            campaignId: scope.campaignId
        )
    }
}

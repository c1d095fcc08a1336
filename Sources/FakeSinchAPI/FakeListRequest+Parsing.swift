extension FakeListRequest {
    /// Validates the query parameters of a list request, in the order the real API would complain.
    ///
    /// Missing ids, a bad `pageSize` or `regionCode` answer 400 in the wrapped shape with a field violation; an
    /// unknown scope 404 (wrapped); a bad number pattern or `orderBy` 400 in the documented flat shape.
    static func parse(
        parameters: [(name: String, value: String)],
        projectId: String,
        dataSet: FakeDataSet,
        defaultPageSize: Int,
        pageSizeCap: Int
    ) -> Result<FakeListRequest, FakeErrorResponse> {
        func value(_ name: String) -> String? {
            parameters.first { $0.name == name }.map(\.value)
        }
        func nonEmpty(_ name: String) -> String? {
            value(name).flatMap { $0.isEmpty ? nil : $0 }
        }

        guard let servicePlanId = nonEmpty("servicePlanId") else {
            return .failure(.invalidField("service_plan_id", "servicePlanId is required"))
        }
        guard let campaignId = nonEmpty("campaignId") else {
            return .failure(.invalidField("campaign_id", "campaignId is required"))
        }
        var pageSize = max(1, min(defaultPageSize, pageSizeCap))
        if let raw = nonEmpty("pageSize") {
            guard let requested = Int(raw) else {
                return .failure(.invalidField("page_size", "Invalid value at 'page_size' (TYPE_INT32), \"\(raw)\""))
            }
            guard requested >= 0 else {
                return .failure(.invalidField("page_size", "page_size must not be negative, got \(requested)"))
            }
            if requested > 0 { pageSize = min(requested, max(1, pageSizeCap)) }
        }
        let regionCode = nonEmpty("regionCode")
        if let regionCode,
            regionCode.utf8.count != 2 || !regionCode.utf8.allSatisfy({ (0x41...0x5A).contains($0) })
        {
            return .failure(.invalidField("region_code", "region_code must be an ISO 3166-1 alpha-2 code such as US"))
        }
        guard
            let scopeIndex = dataSet.scopeIndex(
                projectId: projectId, servicePlanId: servicePlanId, campaignId: campaignId)
        else {
            return .failure(
                .wrapped(
                    httpStatus: 404,
                    status: "NOT_FOUND",
                    message: "No imported numbers for project '\(projectId)', service plan '\(servicePlanId)' "
                        + "and campaign '\(campaignId)'"
                )
            )
        }

        var query = FakeListQuery(scopeIndex: scopeIndex, regionCode: regionCode)
        let pattern = nonEmpty("numberPattern.pattern")
        let searchPattern = nonEmpty("numberPattern.searchPattern")
        switch (pattern, searchPattern) {
        case (nil, nil):
            break
        case (.some, nil):
            return .failure(.invalidArgument("Invalid number pattern: numberPattern.searchPattern is required"))
        case (nil, .some):
            return .failure(.invalidArgument("Invalid number pattern: numberPattern.pattern is required"))
        case (.some(let pattern), .some(let searchPattern)):
            guard let parsed = FakeListQuery.SearchPattern(rawValue: searchPattern) else {
                return .failure(
                    .invalidArgument("Invalid number pattern: searchPattern must be START, CONTAIN or END")
                )
            }
            let digits = pattern.hasPrefix("+") ? pattern.utf8.dropFirst() : pattern.utf8[...]
            guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
                return .failure(
                    .invalidArgument("Invalid number pattern: pattern must be digits with an optional leading '+'")
                )
            }
            query.pattern = pattern
            query.searchPattern = parsed
        }
        if let orderBy = nonEmpty("orderBy") {
            guard let parsed = FakeListQuery.OrderBy(rawValue: orderBy) else {
                return .failure(.invalidArgument("Invalid order by: must be createdTime or updatedTime"))
            }
            query.orderBy = parsed
        }
        return .success(FakeListRequest(query: query, pageSize: pageSize, pageToken: nonEmpty("pageToken")))
    }
}

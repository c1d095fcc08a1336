/// One scope of the list endpoint: the project, the service plan + campaign pair, and the filters.
public struct ImportedNumbersQuery: Sendable, Hashable {
    /// How `numberPattern.pattern` is matched.
    public struct SearchPattern: OpenEnumeration {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let start = Self(rawValue: "START")
        public static let contain = Self(rawValue: "CONTAIN")
        public static let end = Self(rawValue: "END")
        public static let documentedValues: Set<String> = ["START", "CONTAIN", "END"]
    }

    /// A filter on the phone number's digits.
    public struct NumberPattern: Sendable, Hashable, Codable {
        /// Digits to search for; with ``SearchPattern/start`` the leading `+` is included (`+1206`).
        public var pattern: String
        public var searchPattern: SearchPattern?
        public init(pattern: String, searchPattern: SearchPattern? = nil) {
            self.pattern = pattern
            self.searchPattern = searchPattern
        }
    }

    /// The order of the results.
    public struct OrderBy: OpenEnumeration {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let createdTime = Self(rawValue: "createdTime")
        public static let updatedTime = Self(rawValue: "updatedTime")
        public static let documentedValues: Set<String> = ["createdTime", "updatedTime"]
    }

    public var projectId: String
    public var servicePlanId: String
    public var campaignId: String
    /// ISO 3166-1 alpha-2: `US` or `CA`.
    public var regionCode: String?
    public var numberPattern: NumberPattern?
    public var orderBy: OrderBy?
    /// Items asked for per page; the server may grant fewer.
    public var pageSize: Int?

    public init(
        projectId: String, servicePlanId: String, campaignId: String, regionCode: String? = nil,
        numberPattern: NumberPattern? = nil, orderBy: OrderBy? = nil, pageSize: Int? = nil
    ) {
        self.projectId = projectId
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.regionCode = regionCode
        self.numberPattern = numberPattern
        self.orderBy = orderBy
        self.pageSize = pageSize
    }

    /// `/v1/projects/{projectId}/importedNumbers?…` for one page: path and query, percent-encoded.
    public func requestTarget(pageToken: String?) -> String {
        var items: [(String, String)] = [("servicePlanId", servicePlanId), ("campaignId", campaignId)]
        if let regionCode { items.append(("regionCode", regionCode)) }
        if let numberPattern {
            items.append(("numberPattern.pattern", numberPattern.pattern))
            if let searchPattern = numberPattern.searchPattern {
                items.append(("numberPattern.searchPattern", searchPattern.rawValue))
            }
        }
        if let pageSize { items.append(("pageSize", String(pageSize))) }
        if let pageToken, !pageToken.isEmpty { items.append(("pageToken", pageToken)) }
        if let orderBy { items.append(("orderBy", orderBy.rawValue)) }
        let query = items.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }
        return "/v1/projects/\(PercentEncoding.encode(projectId))/importedNumbers?" + query.joined(separator: "&")
    }
}

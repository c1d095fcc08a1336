/// One scope of the list endpoint: the project, the service plan + campaign pair, and the filters.
public struct ImportedNumbersQuery: Sendable, Hashable {
    /// How `numberPattern.pattern` is matched.
    public struct SearchPattern: OpenEnumeration {
        /// The value as sent.
        public let rawValue: String
        /// Any value, documented or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The number starts with the pattern.
        public static let start = Self(rawValue: "START")
        /// The number contains the pattern.
        public static let contain = Self(rawValue: "CONTAIN")
        /// The number ends with the pattern.
        public static let end = Self(rawValue: "END")
        /// The values the API reference lists.
        public static let documentedValues: Set<String> = ["START", "CONTAIN", "END"]
    }

    /// A filter on the phone number's digits.
    public struct NumberPattern: Sendable, Hashable, Codable {
        /// Digits to search for; with ``SearchPattern/start`` the leading `+` is included (`+1206`).
        public var pattern: String
        /// Where the pattern must match; the server's default when `nil`.
        public var searchPattern: SearchPattern?
        /// A filter on `pattern`.
        public init(pattern: String, searchPattern: SearchPattern? = nil) {
            self.pattern = pattern
            self.searchPattern = searchPattern
        }
    }

    /// The order of the results.
    public struct OrderBy: OpenEnumeration {
        /// The value as sent.
        public let rawValue: String
        /// Any value, documented or not.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// By creation time.
        public static let createdTime = Self(rawValue: "createdTime")
        /// By last update.
        public static let updatedTime = Self(rawValue: "updatedTime")
        /// The values the API reference lists.
        public static let documentedValues: Set<String> = ["createdTime", "updatedTime"]
    }

    /// The Sinch project.
    public var projectId: String
    /// The SMS service plan.
    public var servicePlanId: String
    /// The 10DLC campaign.
    public var campaignId: String
    /// ISO 3166-1 alpha-2: `US` or `CA`.
    public var regionCode: String?
    /// A filter on the number's digits.
    public var numberPattern: NumberPattern?
    /// The order of the results; the server's when `nil`.
    public var orderBy: OrderBy?
    /// Items asked for per page; the server may grant fewer.
    public var pageSize: Int?

    /// A scope; the filters are optional.
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

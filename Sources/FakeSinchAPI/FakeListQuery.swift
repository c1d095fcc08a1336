/// The identity of a list query: the scope plus every parameter that selects or orders rows.
///
/// Page size is deliberately not part of it: a client may change `pageSize` between pages, but a page token is
/// only valid for the query it came from.
struct FakeListQuery: Sendable, Hashable {
    enum SearchPattern: String, Sendable, Hashable {
        case start = "START"
        case contain = "CONTAIN"
        case end = "END"
    }

    enum OrderBy: String, Sendable, Hashable {
        case createdTime
        case updatedTime
    }

    var scopeIndex: Int
    var regionCode: String?
    var pattern: String?
    var searchPattern: SearchPattern?
    var orderBy: OrderBy = .createdTime

    /// Whether the query selects every record in index order (no work to cache).
    var isIdentity: Bool {
        regionCode == nil && pattern == nil && orderBy == .createdTime
    }

    /// A stable text form, the input of the page-token digest.
    var canonical: String {
        [String(scopeIndex), regionCode ?? "", pattern ?? "", searchPattern?.rawValue ?? "", orderBy.rawValue]
            .joined(separator: "\u{0}")
    }

    /// Whether a phone number passes the number-pattern filter.
    ///
    /// `START` matches the E.164 string's prefix; a `START` pattern without `+` matches the digits after it.
    /// `CONTAIN` and `END` match anywhere in / at the end of the E.164 string.
    func matches(phoneNumber: String, regionCode region: String) -> Bool {
        if let regionCode, regionCode != region { return false }
        guard let pattern, let searchPattern else { return true }
        switch searchPattern {
        case .start:
            if pattern.hasPrefix("+") { return phoneNumber.hasPrefix(pattern) }
            return phoneNumber.dropFirst().hasPrefix(pattern)
        case .contain:
            return phoneNumber.contains(pattern)
        case .end:
            return phoneNumber.hasSuffix(pattern)
        }
    }
}

extension SnapshotChange {
    /// What a change means to the analyst, worst first: the order of the report's changes, of `diff` and of
    /// `changes.csv`. Every change has exactly one: the first that applies.
    public enum Category: Int, Sendable, CaseIterable, Comparable, Codable {
        /// Could send SMS the previous night (`sms_ready`), cannot tonight.
        case cannotSend
        /// Became FAILED or STALE (and could not send before either).
        case failedOrStale
        /// Can send SMS again, or became HEALTHY.
        case recovered
        case added
        case removed
        /// Gone from one scope, listed under another.
        case moved
        /// Any other change of level (e.g. REVIEW → MISCONFIGURED).
        case levelChanged
        /// Same level, different error codes.
        case errorCodes
        /// Its scope was not read to the end tonight: not known to be removed.
        case notFetched

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        /// A stable machine name: the `change` column of `changes.csv` and `diff --format csv`.
        public var key: String {
            switch self {
            case .cannotSend: "cannot_send"
            case .failedOrStale: "failed_or_stale"
            case .recovered: "recovered"
            case .added: "added"
            case .removed: "removed"
            case .moved: "moved"
            case .levelChanged: "level_changed"
            case .errorCodes: "error_codes"
            case .notFetched: "not_fetched"
            }
        }

        /// What the report calls it.
        public var title: String {
            switch self {
            case .cannotSend: "Newly unable to send SMS"
            case .failedOrStale: "Newly FAILED or STALE"
            case .recovered: "Recovered"
            case .added: "Added"
            case .removed: "Removed"
            case .moved: "Moved between scopes"
            case .levelChanged: "Other level changes"
            case .errorCodes: "Error codes changed"
            case .notFetched: "Not fetched tonight"
            }
        }

        /// Worse tonight (red in the report), better (green), or neither.
        public var isWorse: Bool { self == .cannotSend || self == .failedOrStale }
        /// Better tonight: recovered.
        public var isBetter: Bool { self == .recovered }
    }

    /// The first category, worst first, that applies to this change.
    public var category: Category {
        Self.category(kind: kind, old: oldHealth, new: newHealth, oldReady: oldSmsReady, newReady: newSmsReady)
    }

    /// The category of a change from what the diff keeps of each side.
    static func category(
        kind: Kind, old: HealthLevel?, new: HealthLevel?, oldReady: Bool?, newReady: Bool?
    ) -> Category {
        switch kind {
        case .added: return .added
        case .removed: return .removed
        case .notFetched: return .notFetched
        case .moved: return .moved
        case .health, .errorCodes, .smsReady: break
        }
        // A snapshot of row format v1 has no sms_ready: only a HEALTHY number is taken to have been ready.
        let wasReady = oldReady ?? (old == .healthy)
        let isReady = newReady ?? (new == .healthy)
        if wasReady && !isReady { return .cannotSend }
        if old != new, new == .failed || new == .stale { return .failedOrStale }
        if (!wasReady && isReady) || (old != new && new == .healthy) { return .recovered }
        if old != new { return .levelChanged }
        return .errorCodes
    }
}

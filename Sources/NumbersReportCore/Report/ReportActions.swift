/// The report's "what to do": problems grouped by cause — the kind of finding, its subject (`sms_tmo`, `sched`,
/// …), the code and the carrier's or API's message — largest first, each with the reason catalog's meaning,
/// who acts and the next step, and the first numbers. Gathered from rows as they stream past, bounded.
public struct ReportActions: Sendable {
    /// One cause.
    public struct Cause: Sendable, Hashable {
        public var kind: HealthReason.Kind
        /// The reason's code, an age replaced by the level it sets: `sms_tmo:FAILED:60135`,
        /// `campaign_prov:IN_PROGRESS (STALE)`, `absent:sms_tmo`.
        public var code: String
        public var errorCode: String?
        public var message: String?
    }

    /// How many numbers one cause concerns, and the first of them.
    public struct Tally: Sendable, Hashable {
        public var level: HealthLevel
        public var numbers: Int
        public var firstNumbers: [String]
    }

    /// Distinct causes kept; later new causes are counted without their message (bounded memory however
    /// varied the messages are).
    static let maxCauses = 500
    /// Numbers kept per cause.
    static let examplesPerCause = 3

    public private(set) var tallies: [Cause: Tally] = [:]

    public init() {}

    /// Counts a row under each of its causes (a number once per cause).
    public mutating func add(_ row: NumberRow) {
        // A row has a few reasons: a list to find a repeated cause in, and one lookup of each cause in the tallies
        // (a cause hashes four texts).
        var seen: [Cause] = []
        // PENDING asks nothing of anyone yet: the actions are the other findings.
        for reason in row.verdict.reasons where reason.level > .pending {
            var cause = Cause(
                kind: reason.kind, code: Self.withoutAge(reason), errorCode: reason.errorCode, message: reason.message)
            if tallies.count >= Self.maxCauses, tallies[cause] == nil { cause.message = nil }
            guard !seen.contains(cause) else { continue }
            seen.append(cause)
            Self.count(
                row, reason.level,
                in: &tallies[cause, default: Tally(level: reason.level, numbers: 0, firstNumbers: [])])
        }
    }

    private static func count(_ row: NumberRow, _ level: HealthLevel, in tally: inout Tally) {
        tally.numbers += 1
        tally.level = max(tally.level, level)
        if tally.firstNumbers.count < examplesPerCause, let phone = row.number.phoneNumber {
            tally.firstNumbers.append(phone)
        }
    }

    /// Takes a later scope's causes (config order): examples stay the first seen.
    public mutating func merge(_ other: ReportActions) {
        for (cause, tally) in other.tallies {
            guard var mine = tallies[cause] else {
                tallies[cause] = tally
                continue
            }
            mine.numbers += tally.numbers
            mine.level = max(mine.level, tally.level)
            mine.firstNumbers = Array((mine.firstNumbers + tally.firstNumbers).prefix(Self.examplesPerCause))
            tallies[cause] = mine
        }
    }

    /// Largest first, then worst level, then by subject and code.
    public var ordered: [(cause: Cause, tally: Tally)] {
        tallies.sorted { lhs, rhs in
            if lhs.value.numbers != rhs.value.numbers { return lhs.value.numbers > rhs.value.numbers }
            if lhs.value.level != rhs.value.level { return lhs.value.level > rhs.value.level }
            return (lhs.key.code, lhs.key.message ?? "") < (rhs.key.code, rhs.key.message ?? "")
        }.map { ($0.key, $0.value) }
    }

    /// `campaign_prov:IN_PROGRESS:81h` → `campaign_prov:IN_PROGRESS (STALE)`: numbers waiting for different times
    /// share a cause, stale and pending ones apart.
    static func withoutAge(_ reason: HealthReason) -> String {
        guard reason.kind == .stale || reason.kind == .pending, let colon = reason.code.lastIndex(of: ":") else {
            return reason.code
        }
        return String(reason.code[..<colon]) + " (\(reason.level.name))"
    }
}

extension ReportActions.Cause {
    /// The catalog's entry: what it means, who acts, the next step (by code where the catalog has one).
    public var entry: ReasonCatalog.Entry { ReasonCatalog.entry(kind: kind, errorCode: errorCode) }

    /// `sms_tmo:FAILED:60135 — The number must be migrated…`, `sched:FAILED:EXCEEDED_10DLC_LIMIT`.
    public var title: String { message.map { code + " — " + $0 } ?? code }
}

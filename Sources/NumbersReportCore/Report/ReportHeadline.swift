import Foundation

/// What the analyst reads first: how many numbers cannot send SMS, each level with its change since the previous
/// night, and whether the night is complete. It is the email's subject, the first lines of its text part and the
/// report's first screen.
public struct ReportHeadline: Sendable, Hashable {
    /// Rows tonight.
    public var total: Int
    /// Numbers that cannot send SMS tonight (`sms_ready` false).
    public var smsNotReady: Int
    /// Its change since the previous night; `nil` without a previous night that counted it.
    public var smsNotReadyChange: Int?
    /// Every level, worst first, with tonight's count and its change since the previous night.
    public var levels: [Level]
    /// The previous night the changes are counted from.
    public var previousSnapshot: String?
    /// Whether every scope was read to the end.
    public var complete: Bool
    /// Scopes not read to the end, and all scopes.
    public var failedScopes: Int
    public var scopes: Int

    /// One level's count and its change.
    public struct Level: Sendable, Hashable {
        public var level: HealthLevel
        public var count: Int
        public var change: Int?
    }

    public init(digest: ReportDigest, context: ReportContext, history: ReportHistory?) {
        let previous = (history?.trend.count ?? 0) > 1 ? history?.trend.dropLast().last : nil
        total = digest.rowCount
        smsNotReady = digest.smsNotReady
        smsNotReadyChange = previous?.smsNotReady.map { digest.smsNotReady - $0 }
        levels = HealthLevel.worstFirst.map { level in
            let count = digest.levelCounts[level] ?? 0
            return Level(level: level, count: count, change: previous.map { count - ($0.levels[level] ?? 0) })
        }
        previousSnapshot = previous?.snapshot
        complete = context.isComplete
        failedScopes = context.failedScopes.count
        scopes = context.scopes.count
    }

    /// `87 of 222 numbers cannot send SMS (39.2%), +3 since the previous night`.
    public var smsSentence: String {
        let share = total > 0 ? String(format: "%.1f%%", Double(smsNotReady) * 100 / Double(total)) : "0%"
        let change = smsNotReadyChange.map { ", \(Self.signed($0)) since the previous night" } ?? ""
        return "\(smsNotReady) of \(total) numbers cannot send SMS (\(share))\(change)"
    }

    /// `FAILED 21 (+2) · STALE 13 (0) · … · HEALTHY 135 (-4)`.
    public var levelsLine: String {
        levels.map { "\($0.level.name) \($0.count)" + ($0.change.map { " (\(Self.signed($0)))" } ?? "") }
            .joined(separator: " · ")
    }

    /// `Complete: every scope read to the end.` or what is missing.
    public var completeness: String {
        complete
            ? "Complete: all \(scopes) scope\(scopes == 1 ? "" : "s") read to the end."
            : "INCOMPLETE: \(failedScopes) of \(scopes) scopes not read to the end; their numbers are not counted."
    }

    /// `+3`, `-2`, `0` (ASCII, so that a subject line stays plain).
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}

import Foundation
import SinchImportedNumbers

/// `data/summary.json`: counts by scope × health level, pages, requests, retries and failures.
///
/// Written at publication and read back by later nights for the report's trend. Absent values are
/// written as `null` (not left out), and level counts list every level, so each night's file has the same keys.
public struct RunSummary: Sendable, Hashable, Codable {
    public var runId: String
    /// `yyyy-MM-ddTHH:mm:ssZ`.
    public var snapshotTime: String
    public var complete: Bool
    public var toolVersion: String
    public var scopes: [Scope]
    public var timing: Timing
    public var totals: Totals

    /// One configured scope.
    public struct Scope: Sendable, Hashable, Codable {
        public var projectId: String
        public var servicePlanId: String
        public var campaignId: String
        public var label: String?
        public var pages: Int
        public var rows: Int
        public var totalSize: Int?
        public var complete: Bool
        /// Why the scope stopped early, as a sentence.
        public var error: String?
        public var levels: LevelCounts
        public var duplicates: Int
        public var rejectedRecords: Int
        public var rejected: [Rejected]
        /// Present (true) only for a complete scope whose records differ from the announced `totalSize`.
        public var totalSizeMismatch: Bool?
        /// Present (true) only for a scope that answered to the end with no numbers at all.
        public var answeredEmpty: Bool? = nil

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(projectId, forKey: .projectId)
            try container.encode(servicePlanId, forKey: .servicePlanId)
            try container.encode(campaignId, forKey: .campaignId)
            try container.encode(label, forKey: .label)
            try container.encode(pages, forKey: .pages)
            try container.encode(rows, forKey: .rows)
            try container.encode(totalSize, forKey: .totalSize)
            try container.encode(complete, forKey: .complete)
            try container.encode(error, forKey: .error)
            try container.encode(levels, forKey: .levels)
            try container.encode(duplicates, forKey: .duplicates)
            try container.encode(rejectedRecords, forKey: .rejectedRecords)
            try container.encode(rejected, forKey: .rejected)
            try container.encodeIfPresent(totalSizeMismatch, forKey: .totalSizeMismatch)
            try container.encodeIfPresent(answeredEmpty, forKey: .answeredEmpty)
        }
    }

    /// A record that could not be decoded.
    public struct Rejected: Sendable, Hashable, Codable {
        public var index: Int
        public var phoneNumber: String?
        public var reason: String

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(phoneNumber, forKey: .phoneNumber)
            try container.encode(reason, forKey: .reason)
        }
    }

    /// When the run started and how long it took until the summary was written (wall clock, to the millisecond).
    public struct Timing: Sendable, Hashable, Codable {
        public var startedAt: String
        public var seconds: Double
    }

    /// Over all scopes.
    public struct Totals: Sendable, Hashable, Codable {
        public var rows: Int
        public var pages: Int
        public var levels: LevelCounts
        public var requests: Int
        public var retries: Int
        public var failedScopes: Int
        /// Rows whose number cannot send SMS (`sms_ready` false); absent in summaries written before row format v2.
        public var smsNotReady: Int?
    }

    /// Rows per level, every level present (`"FAILED": 0`, …), keyed by the level's name.
    public struct LevelCounts: Sendable, Hashable, Codable {
        public var counts: [HealthLevel: Int]

        public init(_ counts: [HealthLevel: Int]) { self.counts = counts }

        public init(from decoder: any Decoder) throws {
            let names = try decoder.singleValueContainer().decode([String: Int].self)
            counts = Dictionary(
                uniqueKeysWithValues: names.compactMap { name, count in HealthLevel(name: name).map { ($0, count) } })
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(
                Dictionary(uniqueKeysWithValues: HealthLevel.allCases.map { ($0.name, counts[$0] ?? 0) }))
        }
    }
}

extension RunSummary {
    /// The summary of a run that ended with `outcome`, written `seconds` after `startedAt`.
    public init(outcome: RunOutcome, runID: String, clock: Date, startedAt: Date, seconds: Double) {
        runId = runID
        snapshotTime = APITimestamp.format(clock)
        complete = outcome.isComplete
        toolVersion = ToolVersion.current
        scopes = outcome.scopes.map { result in
            Scope(
                projectId: result.scope.projectId, servicePlanId: result.scope.servicePlanId,
                campaignId: result.scope.campaignId, label: result.scope.label, pages: result.pages, rows: result.rows,
                totalSize: result.totalSize, complete: result.isComplete, error: result.failure,
                levels: LevelCounts(result.levelCounts), duplicates: result.duplicates,
                rejectedRecords: result.rejectedCount,
                rejected: result.rejected.map {
                    Rejected(index: $0.index, phoneNumber: $0.phoneNumber, reason: $0.reason)
                },
                totalSizeMismatch: result.totalSizeDiffers ? true : nil,
                answeredEmpty: result.answeredEmpty ? true : nil)
        }
        timing = Timing(startedAt: APITimestamp.format(startedAt), seconds: (seconds * 1000).rounded() / 1000)
        totals = Totals(
            rows: outcome.scopes.reduce(0) { $0 + $1.rows }, pages: outcome.scopes.reduce(0) { $0 + $1.pages },
            levels: LevelCounts(outcome.levelCounts), requests: outcome.requests, retries: outcome.retries,
            failedScopes: outcome.scopes.filter { !$0.isComplete }.count, smsNotReady: outcome.smsNotReady)
    }

    /// Pretty-printed with sorted keys and a final newline, as `summary.json` has always been written.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}

import Foundation
import ReportWriters
import SinchImportedNumbers

/// `data/summary.json`: counts by scope × health level, pages, requests, retries and failures.
struct RunSummaryFile {
    var outcome: RunOutcome
    var runID: String
    var clock: Date
    /// When the run started and how long it took until the summary was written (wall clock).
    var startedAt: Date

    func write(to sink: any ByteSink) throws {
        let scopes: [[String: Any]] = outcome.scopes.map { result in
            var entry: [String: Any] = [
                "projectId": result.scope.projectId, "servicePlanId": result.scope.servicePlanId,
                "campaignId": result.scope.campaignId, "label": result.scope.label ?? NSNull(),
                "pages": result.pages, "rows": result.rows, "totalSize": result.totalSize ?? NSNull(),
                "complete": result.isComplete, "error": result.failure ?? NSNull(),
                "levels": Self.levels(result.levelCounts), "duplicates": result.duplicates,
                "rejectedRecords": result.rejectedCount,
                "rejected": result.rejected.map {
                    ["index": $0.index, "phoneNumber": $0.phoneNumber ?? NSNull(), "reason": $0.reason] as [String: Any]
                },
            ]
            if result.totalSizeDiffers {
                entry["totalSizeMismatch"] = true
            }
            return entry
        }
        let summary: [String: Any] = [
            "runId": runID, "snapshotTime": APITimestamp.format(clock), "complete": outcome.isComplete,
            "toolVersion": ToolVersion.current, "scopes": scopes,
            "timing": [
                "startedAt": APITimestamp.format(startedAt),
                "seconds": (Date().timeIntervalSince(startedAt) * 1000).rounded() / 1000,
            ],
            "totals": [
                "rows": outcome.scopes.reduce(0) { $0 + $1.rows }, "pages": outcome.scopes.reduce(0) { $0 + $1.pages },
                "levels": Self.levels(outcome.levelCounts), "requests": outcome.requests, "retries": outcome.retries,
                "failedScopes": outcome.scopes.filter { !$0.isComplete }.count,
            ],
        ]
        var bytes = [UInt8](
            try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys, .prettyPrinted]))
        bytes.append(UInt8(ascii: "\n"))
        try sink.write(bytes)
        try sink.close()
    }

    private static func levels(_ counts: [HealthLevel: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: HealthLevel.allCases.map { ($0.name, counts[$0] ?? 0) })
    }
}

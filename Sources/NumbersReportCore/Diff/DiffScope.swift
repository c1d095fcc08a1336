import Foundation

/// A scope as the diff tells scopes apart: project, service plan and campaign, compared as the health rules
/// compare ids (case-insensitively, without a UUID's dashes).
public struct DiffScope: Sendable, Hashable {
    private let key: String

    public init(projectId: String, servicePlanId: String, campaignId: String) {
        key = [projectId, servicePlanId, campaignId].map(HealthRules.canonicalID).joined(separator: "\u{1F}")
    }

    public init(_ scope: ScopeSettings) {
        self.init(projectId: scope.projectId, servicePlanId: scope.servicePlanId, campaignId: scope.campaignId)
    }

    /// The scopes a snapshot did not read to the end (its `summary.json`'s incomplete scopes); empty when the
    /// summary cannot be read.
    static func unfetched(inSnapshot snapshot: String) -> Set<DiffScope> {
        let path = SnapshotLocation(path: snapshot).path(of: .summary)
        guard let data = FileManager.default.contents(atPath: path),
            let summary = try? JSONDecoder().decode(RunSummary.self, from: data)
        else { return [] }
        return Set(
            summary.scopes.filter { !$0.complete }.map {
                DiffScope(projectId: $0.projectId, servicePlanId: $0.servicePlanId, campaignId: $0.campaignId)
            })
    }
}

extension DiffRow {
    /// The scope that listed the row.
    var scope: DiffScope {
        DiffScope(projectId: projectId ?? "", servicePlanId: servicePlanId ?? "", campaignId: campaignId ?? "")
    }
}

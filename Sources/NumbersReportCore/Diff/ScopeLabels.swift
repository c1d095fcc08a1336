import Foundation

/// The names people gave their scopes (`scopes[].name`), by scope as the diff tells them apart: what the report,
/// `changes.csv` and `diff` show instead of ids. A scope without a name, or no longer configured, is named as
/// ``ScopeSettings/displayName`` names it: `servicePlanId / campaignId`.
public struct ScopeLabels: Sendable {
    private var labels: [DiffScope: String] = [:]

    /// The first scope of a repeated campaign keeps its name.
    public init(_ scopes: [ScopeSettings]) {
        for scope in scopes where labels[DiffScope(scope)] == nil { labels[DiffScope(scope)] = scope.displayName }
    }

    /// The scopes configured in these snapshots' `raw/run.json`, the first snapshot's names first; snapshots
    /// whose run record cannot be read add none.
    public init(snapshots: [String]) {
        self.init(snapshots.flatMap(Self.scopes(inSnapshot:)))
    }

    /// The scopes configured in a snapshot's `raw/run.json`; none when it cannot be read.
    static func scopes(inSnapshot snapshot: String) -> [ScopeSettings] {
        let path = SnapshotLocation(path: snapshot).path(of: .runRecord)
        guard let data = FileManager.default.contents(atPath: path),
            let record = try? JSONDecoder().decode(RunRecord.self, from: data)
        else { return [] }
        return record.configuration.scopes
    }

    /// The scope's name.
    public func label(_ scope: DiffScope, servicePlanId: String, campaignId: String) -> String {
        labels[scope] ?? "\(servicePlanId) / \(campaignId)"
    }

    /// Where a change's number is listed tonight (or was, when removed).
    public func label(of change: SnapshotChange) -> String {
        label(change.scope, servicePlanId: change.servicePlanId, campaignId: change.campaignId)
    }

    /// For a moved number: the scope that listed it the previous night.
    public func previousLabel(of change: SnapshotChange) -> String? {
        change.previousScope.map {
            label($0, servicePlanId: change.previousServicePlanId ?? "", campaignId: change.previousCampaignId ?? "")
        }
    }
}

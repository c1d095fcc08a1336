import Foundation

/// A scope as the diff tells scopes apart: project, service plan and campaign, compared as the health rules
/// compare ids (case-insensitively, without a UUID's dashes).
public struct DiffScope: Sendable, Hashable {
    private let key: String

    public init(projectId: String, servicePlanId: String, campaignId: String) {
        key =
            Self.asciiKey(projectId, servicePlanId, campaignId)
            ?? [projectId, servicePlanId, campaignId].map(HealthRules.canonicalID).joined(separator: "\u{1F}")
    }

    /// The key of three ASCII ids, made in one pass without a text for each (changes and rows ask for their scope
    /// one by one); `nil` when an id is not ASCII.
    private static func asciiKey(_ projectId: String, _ servicePlanId: String, _ campaignId: String) -> String? {
        var bytes: [UInt8] = []
        guard append(projectId, to: &bytes) else { return nil }
        bytes.append(0x1F)
        guard append(servicePlanId, to: &bytes) else { return nil }
        bytes.append(0x1F)
        guard append(campaignId, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the canonical bytes of an ASCII id (``HealthRules/canonicalID(_:)``); `false` when it is not ASCII.
    private static func append(_ id: String, to bytes: inout [UInt8]) -> Bool {
        var id = id
        return id.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            bytes.append(contentsOf: HealthRules.canonicalASCIIID(utf8))
            return true
        }
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

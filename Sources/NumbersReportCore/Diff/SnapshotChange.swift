/// One difference between two snapshots.
public struct SnapshotChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// In the new snapshot only.
        case added
        /// In the old snapshot only, and its scope was read to the end tonight.
        case removed
        /// In the old snapshot only, but its scope was not read to the end tonight: not known to be removed.
        case notFetched = "not_fetched"
        /// Gone from one scope and listed under another tonight: the old scope is in `previous…`.
        case moved
        /// Its health level changed (e.g. HEALTHY → FAILED).
        case health
        /// Same level, different error codes.
        case errorCodes = "error_codes"
        /// Same level and error codes, but `sms_ready` changed.
        case smsReady = "sms_ready"
    }

    public var kind: Kind
    public var projectId: String
    public var servicePlanId: String
    public var campaignId: String
    public var phoneNumber: String
    public var oldHealth: HealthLevel?
    public var newHealth: HealthLevel?
    public var oldErrorCodes: [String]
    public var newErrorCodes: [String]
    /// `sms_ready` the previous night; `nil` when absent (a row format v1 snapshot) or not in it.
    public var oldSmsReady: Bool?
    /// `sms_ready` tonight; `nil` when absent (a row format v1 snapshot) or not in it.
    public var newSmsReady: Bool?
    /// For ``Kind/moved``: the scope that listed the number the previous night.
    public var previousProjectId: String?
    /// For ``Kind/moved``: the previous scope's service plan.
    public var previousServicePlanId: String?
    /// For ``Kind/moved``: the previous scope's campaign.
    public var previousCampaignId: String?

    public init(
        kind: Kind, projectId: String, servicePlanId: String, campaignId: String, phoneNumber: String,
        oldHealth: HealthLevel?, newHealth: HealthLevel?, oldErrorCodes: [String], newErrorCodes: [String],
        oldSmsReady: Bool? = nil, newSmsReady: Bool? = nil, previousProjectId: String? = nil,
        previousServicePlanId: String? = nil, previousCampaignId: String? = nil
    ) {
        self.kind = kind
        self.projectId = projectId
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.phoneNumber = phoneNumber
        self.oldHealth = oldHealth
        self.newHealth = newHealth
        self.oldErrorCodes = oldErrorCodes
        self.newErrorCodes = newErrorCodes
        self.oldSmsReady = oldSmsReady
        self.newSmsReady = newSmsReady
        self.previousProjectId = previousProjectId
        self.previousServicePlanId = previousServicePlanId
        self.previousCampaignId = previousCampaignId
    }

    /// `HEALTHY→FAILED`, `FAILED→HEALTHY`, `added`, …
    public var transition: String { Self.transition(kind: kind, old: oldHealth, new: newHealth) }

    static func transition(kind: Kind, old: HealthLevel?, new: HealthLevel?) -> String {
        switch kind {
        case .added: "added"
        case .removed: "removed"
        case .notFetched: "not fetched tonight"
        case .moved: "moved"
        case .health, .errorCodes, .smsReady: "\(old?.name ?? "-")→\(new?.name ?? "-")"
        }
    }

    /// What the diff's counts are keyed by: the ``transition``, except `error codes changed` and `sms_ready changed`
    /// for a change within the same level.
    public var countKey: String { Self.countKey(kind: kind, transition: transition) }

    static func countKey(kind: Kind, transition: @autoclosure () -> String) -> String {
        switch kind {
        case .errorCodes: "error codes changed"
        case .smsReady: "sms_ready changed"
        default: transition()
        }
    }

    /// The scope the number is listed under tonight (or was, when removed).
    public var scope: DiffScope {
        DiffScope(projectId: projectId, servicePlanId: servicePlanId, campaignId: campaignId)
    }

    /// For a moved number: the scope that listed it the previous night.
    public var previousScope: DiffScope? {
        guard let previousServicePlanId, let previousCampaignId else { return nil }
        return DiffScope(
            projectId: previousProjectId ?? projectId, servicePlanId: previousServicePlanId,
            campaignId: previousCampaignId)
    }
}

extension SnapshotChange {
    /// The level as a reader wants it next to the change: tonight's for an added number (`FAILED`), the previous
    /// night's for one removed or not fetched, `old→new` for the others (`HEALTHY→FAILED`, `FAILED→FAILED`).
    public var healthText: String {
        switch kind {
        case .added: newHealth?.name ?? "-"
        case .removed, .notFetched: oldHealth?.name ?? "-"
        case .moved, .health, .errorCodes, .smsReady:
            oldHealth == newHealth ? (newHealth?.name ?? "-") : "\(oldHealth?.name ?? "-")→\(newHealth?.name ?? "-")"
        }
    }
}

/// One difference between two snapshots.
public struct SnapshotChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// In the new snapshot only.
        case added
        /// In the old snapshot only, and its scope was read to the end tonight.
        case removed
        /// In the old snapshot only, but its scope was not read to the end tonight: not known to be removed.
        case notFetched = "not_fetched"
        /// Its health level changed (e.g. HEALTHY → FAILED).
        case health
        /// Same level, different error codes.
        case errorCodes = "error_codes"
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

    /// `HEALTHY→FAILED`, `FAILED→HEALTHY`, `added`, …
    public var transition: String {
        switch kind {
        case .added: "added"
        case .removed: "removed"
        case .notFetched: "not fetched tonight"
        case .health, .errorCodes: "\(oldHealth?.name ?? "-")→\(newHealth?.name ?? "-")"
        }
    }
}

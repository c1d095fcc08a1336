/// One difference between two snapshots.
public struct SnapshotChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// In the new snapshot only.
        case added
        /// In the old snapshot only.
        case removed
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
        case .health, .errorCodes: "\(oldHealth?.name ?? "-")→\(newHealth?.name ?? "-")"
        }
    }
}

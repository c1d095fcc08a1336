/// Who acts on a finding.
public enum ReasonActor: String, Sendable, Hashable, CaseIterable, Codable {
    /// The company that hosts the numbers (whoever runs this report and its Sinch account).
    case customer
    /// The campaign's owner (the brand) in The Campaign Registry.
    case campaignOwner = "campaign owner (TCR)"
    /// The carrier (AT&T, T-Mobile), usually through Sinch.
    case carrier
    /// Sinch support.
    case sinchSupport = "Sinch support"
    /// Whoever pays the Sinch account.
    case billing

    /// How the report names it.
    public var title: String { rawValue }
}

extension ScopeSettings {
    /// The label, or `servicePlanId / campaignId`.
    public var displayName: String { label ?? "\(servicePlanId) / \(campaignId)" }

    /// `3. Fraud alerts (US)`: the display name after the scope's place in the config (`index` from 0),
    /// as the terminal tables show it.
    public func numberedName(_ index: Int) -> String { "\(index + 1). \(displayName)" }

    /// The same scope, label and filters, whatever key each names.
    func sameQuery(as other: ScopeSettings) -> Bool {
        var mine = self
        mine.key = other.key
        return mine == other
    }
}

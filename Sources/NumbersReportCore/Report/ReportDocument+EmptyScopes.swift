import ReportWriters

extension ReportDocument {
    /// The status of a scope that answered to the end with no numbers.
    static let answeredEmpty = "answered, no numbers"

    /// `Retail alerts (campaign C3O84GA, service plan 324e…): answered, no numbers`: one sentence per such scope.
    static func emptyScopeSentence(_ result: ScopeResult) -> String {
        "\(result.scope.displayName) (campaign \(result.scope.campaignId), service plan "
            + "\(result.scope.servicePlanId)): \(answeredEmpty)"
    }

    /// Below the scope table: every scope that answered with no numbers, named, so that an unknown or emptied
    /// scope is never a silent "complete, 0 rows".
    func fillEmptyScopes(_ slot: XHTMLElement) {
        let empty = context.emptyScopes
        guard !empty.isEmpty else { return }
        let note = slot.append("div", ["style": ReportStyle.warningNote, "id": "empty-scopes"])
        note.append(
            "p", ["style": "margin:0;"],
            text: "\(empty.count) scope\(empty.count == 1 ? "" : "s") answered with no numbers: check the service "
                + "plan and campaign ids, and the access key's project.")
        let list = note.append("ul", ["style": "margin:4px 0 0 0;padding-left:20px;"])
        for result in empty { list.append("li", text: Self.emptyScopeSentence(result)) }
    }
}

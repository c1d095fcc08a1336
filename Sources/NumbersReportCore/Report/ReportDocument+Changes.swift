import ReportWriters

extension ReportDocument {
    /// Changes since the previous night, worst first: a count for each category (with its transitions), then the
    /// first changes in detail: the number, what happened to it, its scope by name and its error codes.
    func fillChanges(_ slot: XHTMLElement, _ changes: ReportHistory.Changes) {
        slot.append(
            "p", ["style": ReportStyle.note],
            text: changes.total == 0
                ? "Nothing changed since \(changes.previousSnapshot)."
                : "\(changes.total) \(changes.total == 1 ? "number" : "numbers") changed since "
                    + "\(changes.previousSnapshot), worst first.")
        guard changes.total > 0 else { return }
        let summary = slot.append("table", ["style": ReportStyle.table, "summary": "Changes by kind"])
        let head = summary.append("thead").append("tr")
        head.append("th", ["style": ReportStyle.headerCell], text: "Change")
        head.append("th", ["style": ReportStyle.headerNumberCell], text: "Numbers")
        head.append("th", ["style": ReportStyle.headerCell], text: "How")
        let body = summary.append("tbody")
        for category in SnapshotChange.Category.allCases {
            guard let transitions = changes.byCategory[category], !transitions.isEmpty else { continue }
            let row = body.append("tr")
            row.append("td", ["style": ReportStyle.cell + Self.changeColour(category)], text: category.title)
            row.append(
                "td", ["style": ReportStyle.numberCell, "id": "change-" + Self.idToken(category.key)],
                text: String(transitions.values.reduce(0, +)))
            let how = row.append("td", ["style": ReportStyle.cell])
            // Transitions with their counts, largest first; each unbroken.
            for (transition, count) in transitions.sorted(by: {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }) {
                how.appendItem(style: ReportStyle.countSpan, text: "\(transition) \(count)")
            }
        }
        // A change a row, stacked in one cell: the number and what happened, its scope, its codes.
        let details = slot.append("table", ["style": ReportStyle.table, "summary": "Changed numbers"])
        details.append("thead").append("tr").append(
            "th", ["style": ReportStyle.headerCell], text: "Number: change, scope and error codes")
        let detailsBody = details.append("tbody")
        let examples = maxChangeExamples.map { Array(changes.examples.prefix($0)) } ?? changes.examples
        let labels = changes.labels
        for change in examples {
            let cell = detailsBody.append("tr").append("td", ["style": ReportStyle.cell])
            let first = cell.append("div")
            first.appendItem(style: ReportStyle.countSpan + "font-weight:bold;", text: change.phoneNumber)
            first.appendItem(
                style: "margin-right:10px;" + Self.changeColour(change.category), text: change.category.title)
            first.appendItem(style: ReportStyle.countSpan + "font-size:12px;", text: change.healthText)
            let scope = cell.append("div", ["style": ReportStyle.meaning])
            if let previous = labels.previousLabel(of: change) { scope.appendText("\(previous) → ") }
            scope.appendText(labels.label(of: change))
            if change.oldErrorCodes != change.newErrorCodes, !change.oldErrorCodes.isEmpty {
                let before = cell.append("div", ["style": "color:#6b7280;"])
                before.appendText("was ")
                Self.appendCodes(before, change.oldErrorCodes)
            }
            if !change.newErrorCodes.isEmpty { Self.appendCodes(cell.append("div"), change.newErrorCodes) }
        }
        if changes.total > examples.count {
            slot.append(
                "p", ["style": ReportStyle.note],
                text: "\(changes.total - examples.count) more: every change is on the Changes sheet of "
                    + "\(PayloadPath.problemsWorkbook.fileName) and in \(PayloadPath.changes.fileName) of the snapshot."
            )
        }
    }

    /// Codes, each unbroken, with room to wrap between them.
    static func appendCodes(_ element: XHTMLElement, _ codes: [String]) {
        for (index, code) in codes.enumerated() {
            if index > 0 { element.appendText(" ") }
            element.append("span", ["style": ReportStyle.codeSpan], text: code)
        }
    }

    /// Red for worse, green for recovered.
    static func changeColour(_ category: SnapshotChange.Category) -> String {
        category.isWorse ? "color:#b91c1c;font-weight:bold;" : category.isBetter ? "color:#15803d;" : ""
    }
}

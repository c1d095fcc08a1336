import ReportWriters

extension ReportDocument {
    /// "What to do": the largest causes first, each with what it means, who acts, the next step and the first
    /// numbers; one column, so that it reads on a phone.
    func fillActions(_ slot: XHTMLElement) {
        let causes = digest.actions.ordered
        guard !causes.isEmpty else { return }
        slot.append("h2", ["style": ReportStyle.actionsTitle], text: "What to do")
        let table = slot.append("table", ["style": ReportStyle.table, "summary": "Problems by cause", "id": "actions"])
        table.append("thead").append("tr").append(
            "th", ["style": ReportStyle.headerCell], text: "Numbers, cause, who acts and the next step")
        let body = table.append("tbody")
        for (cause, tally) in causes.prefix(maxActions) {
            // Stacked in one cell, so that it reads on a phone: how many, the code, the carrier's message, what it
            // means, who acts and the next step, a link, the first numbers.
            let what = body.append("tr").append("td", ["style": ReportStyle.cell])
            what.append(
                "div", ["style": ReportStyle.levelLabel(tally.level), "class": "count"],
                text: "\(tally.numbers) \(tally.numbers == 1 ? "number" : "numbers")")
            what.append("span", ["style": ReportStyle.codeSpan], text: cause.code)
            if let message = cause.message {
                what.append(
                    "div", ["style": ReportStyle.carrierMessage, "class": "message"],
                    text: Self.shortened(message, limit: 200))
            }
            what.append("div", ["style": ReportStyle.meaning], text: cause.entry.meaning)
            let todo = what.append("div", ["style": ReportStyle.detailLine])
            todo.append("span", ["style": "font-weight:bold;"], text: cause.entry.actor.title + ": ")
            todo.appendText(cause.entry.nextStep)
            if let link = cause.entry.link { what.append("div").appendLink(link, style: ReportStyle.link) }
            let more = tally.numbers > tally.firstNumbers.count ? ", …" : ""
            what.append(
                "div", ["style": ReportStyle.meaning],
                text: "e.g. " + tally.firstNumbers.joined(separator: ", ") + more)
        }
        if causes.count > maxActions {
            slot.append(
                "p", ["style": ReportStyle.note],
                text: "\(causes.count - maxActions) smaller causes: every row is in \(context.csvName).")
        }
    }
}

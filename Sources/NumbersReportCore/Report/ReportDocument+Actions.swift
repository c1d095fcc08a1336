import ReportWriters

extension ReportDocument {
    /// "What to do": the largest causes first, each with what it means, who acts, the next step and the first
    /// numbers; three columns, so that it reads on a phone.
    func fillActions(_ slot: XHTMLElement) {
        let causes = digest.actions.ordered
        guard !causes.isEmpty else { return }
        slot.append("h2", ["style": ReportStyle.actionsTitle], text: "What to do")
        let table = slot.append("table", ["style": ReportStyle.table, "summary": "Problems by cause", "id": "actions"])
        let head = table.append("thead").append("tr")
        head.append("th", ["style": ReportStyle.headerNumberCell], text: "Numbers")
        head.append("th", ["style": ReportStyle.headerCell], text: "Cause")
        head.append("th", ["style": ReportStyle.headerCell], text: "Who acts, and the next step")
        let body = table.append("tbody")
        for (cause, tally) in causes.prefix(maxActions) {
            let row = body.append("tr")
            row.append(
                "td", ["style": ReportStyle.numberCell + ReportStyle.levelLabel(tally.level)],
                text: String(tally.numbers))
            let what = row.append("td", ["style": ReportStyle.cell])
            what.append("span", ["style": ReportStyle.codeSpan], text: cause.code)
            if let message = cause.message {
                what.append("div", ["style": ReportStyle.carrierMessage], text: Self.shortened(message, limit: 200))
            }
            what.append("div", ["style": ReportStyle.meaning], text: cause.entry.meaning)
            let todo = row.append("td", ["style": ReportStyle.cell])
            todo.append("div", ["style": "font-weight:bold;"], text: cause.entry.actor.title)
            todo.append("div", text: cause.entry.nextStep)
            if let link = cause.entry.link { todo.append("div").appendLink(link, style: ReportStyle.link) }
            let more = tally.numbers > tally.firstNumbers.count ? ", …" : ""
            todo.append(
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

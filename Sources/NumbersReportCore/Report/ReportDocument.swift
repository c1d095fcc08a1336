import Foundation
import ReportWriters
import SinchImportedNumbers

/// Fills the report template from a digest: `data/report.xhtml`, XHTML 1.0 Strict.
public struct ReportDocument {
    public var digest: ReportDigest
    public var context: ReportContext
    /// Changes since the previous snapshot and recent nights; sections without them are removed.
    public var history: ReportHistory?
    /// Error codes listed before the rest are left to the CSV.
    public var maxErrorCodes = 25
    /// Problem numbers listed (at most the digest's `maxProblemRows`); `nil`: all the digest kept.
    public var maxProblemRows: Int?
    /// Changed numbers listed in detail; `nil`: all the history's examples.
    public var maxChangeExamples: Int?
    /// Causes listed under "What to do".
    public var maxActions = 25
    /// Scopes listed in the scope table, those that need a look first; `nil`: all, in config order.
    public var maxScopeRows: Int?

    /// The same report cut to what an email may carry whole (Gmail clips an HTML part over 102 KB): the headline,
    /// the counts, the 25 worst numbers, the 10 most frequent error codes and the first 10 changes; the rest is in
    /// the attachment and the snapshot.
    public var forEmail: ReportDocument {
        var document = self
        document.maxErrorCodes = 10
        document.maxProblemRows = 25
        document.maxChangeExamples = 10
        document.maxActions = 8
        document.maxScopeRows = 10
        return document
    }

    public init(digest: ReportDigest, context: ReportContext, history: ReportHistory? = nil) {
        self.digest = digest
        self.context = context
        self.history = history
    }

    /// The filled template as UTF-8 XHTML.
    public func render(template: ReportTemplate) throws -> [UInt8] {
        let document = try XHTMLDocument(template: template.bytes, name: template.name)
        try document.element(id: "report-title").removeChildren()
        try document.element(id: "report-title").appendText(title)
        fillHeader(try document.element(id: "header"))
        // The first screen: the headline (in the header), a partial night's banner, then what to do.
        fillBanner(try document.element(id: "banner"))
        fillActions(try document.element(id: "banner"))
        fillTotals(try document.element(id: "totals"))
        fillScopes(try document.element(id: "scopes"))
        fillChannels(try document.element(id: "channels"))
        fillErrors(try document.element(id: "errors"))
        fillProblems(try document.element(id: "problems"))
        try document.element(id: "footer").appendText(
            "numbers-report \(ToolVersion.current) · every row of this run is in \(context.csvName) and "
                + "\(PayloadPath.numbersNDJSON.fileName) of the snapshot.")
        if let history, history.changes != nil || history.comparisonNote != nil {
            let slot = try document.element(id: "changes")
            if let note = history.comparisonNote {
                slot.append("p", ["style": ReportStyle.warningNote, "id": "comparison-note"], text: note)
            }
            if let changes = history.changes { fillChanges(slot, changes) }
        } else {
            try document.element(id: "changes-section").remove()
        }
        if let trend = history?.trend, trend.count > 1 {
            fillTrend(try document.element(id: "trend"), trend)
        } else {
            try document.element(id: "trend-section").remove()
        }
        return document.serialized()
    }

    /// The headline: what cannot send, each level with its change, completeness.
    public var headline: ReportHeadline { ReportHeadline(digest: digest, context: context, history: history) }

    /// `Imported numbers 2026-11-29: 87 of 222 cannot send SMS (+3); 21 failed (+2), 13 stale (0)` (with
    /// `INCOMPLETE: ` first when a scope failed). The email's subject.
    public var title: String {
        let date = String(APITimestamp.format(context.clock).prefix(10))
        let headline = headline
        func change(_ value: Int?) -> String { value.map { " (\(ReportHeadline.signed($0)))" } ?? "" }
        let levels = headline.levels.filter { $0.level >= .review && $0.count > 0 }.map {
            "\($0.count) \($0.level.name.lowercased())\(change($0.change))"
        }
        let summary =
            "\(headline.smsNotReady) of \(headline.total) cannot send SMS\(change(headline.smsNotReadyChange))"
            + (levels.isEmpty ? "" : "; " + levels.joined(separator: ", "))
        return (context.isComplete ? "" : "INCOMPLETE: ") + "Imported numbers \(date): \(summary)"
    }

    private func fillHeader(_ slot: XHTMLElement) {
        let headline = headline
        let box = slot.append("div", ["id": "headline", "style": ReportStyle.headline])
        box.append("div", ["style": ReportStyle.headlineMain], text: headline.smsSentence + ".")
        box.append("div", ["style": ReportStyle.headlineLevels], text: headline.levelsLine)
        box.append(
            "div", ["style": headline.complete ? ReportStyle.headlineComplete : ReportStyle.headlineIncomplete],
            text: headline.completeness)
        let projects = context.projects
        slot.append(
            "div",
            text: "Run of \(APITimestamp.format(context.clock)) · \(digest.rowCount) numbers in "
                + "\(context.scopes.count) scope\(context.scopes.count == 1 ? "" : "s") · project"
                + "\(projects.count == 1 ? "" : "s") \(projects.joined(separator: ", "))")
    }

    private func fillBanner(_ slot: XHTMLElement) {
        let failed = context.failedScopes
        guard !failed.isEmpty else { return }
        let banner = slot.append("div", ["style": ReportStyle.banner])
        banner.append(
            "div", ["style": "font-weight:bold;font-size:15px;"],
            text: "Incomplete run: \(failed.count) of \(context.scopes.count) scopes could not be read to the end. "
                + "The counts below leave out what was not fetched.")
        let list = banner.append("ul", ["style": "margin:6px 0 0 0;padding-left:20px;"])
        for result in failed {
            list.append(
                "li",
                text: "\(result.scope.displayName) (campaign \(result.scope.campaignId), \(result.pages) pages read): "
                    + (result.failure ?? ""))
        }
    }

    private func fillTotals(_ slot: XHTMLElement) {
        let total = max(digest.rowCount, 1)
        let table = slot.append("table", ["style": ReportStyle.table, "summary": "Numbers by health level"])
        let head = table.append("thead").append("tr")
        head.append("th", ["style": ReportStyle.headerCell], text: "Health")
        head.append("th", ["style": ReportStyle.headerNumberCell], text: "Numbers")
        let changes = headline.levels
        let hasChanges = changes.contains { $0.change != nil }
        if hasChanges { head.append("th", ["style": ReportStyle.headerNumberCell], text: "Since previous night") }
        head.append("th", ["style": ReportStyle.headerNumberCell], text: "Share")
        head.append("th", ["style": ReportStyle.headerCell + "width:45%;"], text: "")
        let body = table.append("tbody")
        for (level, change) in zip(HealthLevel.worstFirst, changes.map(\.change)) {
            let count = digest.levelCounts[level] ?? 0
            let percent = Double(count) * 100 / Double(total)
            let row = body.append("tr")
            row.append("td", ["style": ReportStyle.cell + ReportStyle.levelLabel(level)], text: level.name)
            row.append("td", ["style": ReportStyle.numberCell, "id": "total-\(level.name)"], text: String(count))
            if hasChanges {
                row.append(
                    "td", ["style": ReportStyle.numberCell, "id": "delta-\(level.name)"],
                    text: change.map(ReportHeadline.signed) ?? "")
            }
            row.append("td", ["style": ReportStyle.numberCell], text: String(format: "%.1f%%", percent))
            Self.appendBar(
                row.append("td", ["style": ReportStyle.cell]), [(level, percent)], label: "\(level.name) share")
        }
        let sum = body.append("tr")
        sum.append("td", ["style": ReportStyle.cell + "font-weight:bold;"], text: "All")
        sum.append(
            "td", ["style": ReportStyle.numberCell + "font-weight:bold;", "id": "total-ALL"],
            text: String(digest.rowCount))
        sum.append("td", ["style": ReportStyle.numberCell], text: "")
        if hasChanges { sum.append("td", ["style": ReportStyle.numberCell], text: "") }
        sum.append("td", ["style": ReportStyle.cell], text: "")
    }

    private func fillScopes(_ slot: XHTMLElement) {
        let table = slot.append("table", ["style": ReportStyle.table, "summary": "Scopes"])
        let head = table.append("thead").append("tr")
        head.append("th", ["style": ReportStyle.headerCell], text: "Scope")
        head.append("th", ["style": ReportStyle.headerCell], text: "Rows, pages and levels")
        let body = table.append("tbody")
        var listed = Array(context.scopes.enumerated())
        if let limit = maxScopeRows, listed.count > limit {
            // Those that need a look first (failed, empty, counts off), then config order.
            listed = Array(
                (listed.filter { Self.needsLook($0.element) } + listed.filter { !Self.needsLook($0.element) })
                    .prefix(limit))
        }
        for (index, result) in listed {
            let row = body.append("tr", ["id": "scope-\(index)"])
            let scope = row.append("td", ["style": ReportStyle.cell])
            scope.append("div", ["style": "font-weight:bold;"], text: result.scope.displayName)
            scope.append("div", ["style": ReportStyle.idSpan], text: "campaign " + result.scope.campaignId)
            scope.append("div", ["style": ReportStyle.idSpan], text: result.scope.servicePlanId)
            if result.isComplete {
                let mismatch = result.totalSizeDiffers
                var notes = [
                    mismatch
                        ? "complete, \(result.received) received of totalSize \(result.totalSize ?? 0)" : "complete"
                ]
                if result.answeredEmpty { notes = [Self.answeredEmpty] }
                if result.duplicates > 0 { notes.append("\(result.duplicates) repeated records kept once") }
                if result.rejectedCount > 0 {
                    notes.append("\(result.rejectedCount) records rejected (see summary.json)")
                }
                scope.append(
                    "div",
                    [
                        "style": ReportStyle.detailLine
                            + (notes.count > 1 || mismatch || result.answeredEmpty
                                ? "color:#b45309;" : "color:#15803d;")
                    ],
                    text: notes.joined(separator: "; "))
            } else {
                scope.append(
                    "div", ["style": ReportStyle.detailLine + "color:#b91c1c;font-weight:bold;"], text: "FAILED")
            }
            let counts = row.append("td", ["style": ReportStyle.cell])
            let sizes = counts.append("div")
            sizes.appendItem(
                style: ReportStyle.countSpan + (result.totalSizeDiffers ? "color:#b91c1c;font-weight:bold;" : ""),
                text: "\(result.rows) of \(result.totalSize.map(String.init) ?? "–") rows")
            sizes.appendItem(style: ReportStyle.countSpan, text: "\(result.pages) pages")
            let levels = counts.append("div", ["style": ReportStyle.detailLine])
            for level in HealthLevel.worstFirst {
                let span = levels.appendItem(style: ReportStyle.countSpan)
                span.append("span", ["style": ReportStyle.levelLabel(level)], text: level.name)
                span.appendText(" ")
                span.append("span", ["class": "level-\(level.name)"], text: String(result.levelCounts[level] ?? 0))
            }
        }
        if listed.count < context.scopes.count {
            slot.append(
                "p", ["style": ReportStyle.note],
                text: "\(context.scopes.count - listed.count) more scopes, all complete: report.xhtml and "
                    + "summary.json in the snapshot list every scope.")
        }
        fillEmptyScopes(slot)
    }

    /// A scope the reader should look at: failed, answered empty, or its records not what it announced.
    static func needsLook(_ result: ScopeResult) -> Bool {
        !result.isComplete || result.answeredEmpty || result.totalSizeDiffers || result.rejectedCount > 0
            || result.duplicates > 0
    }

    private func fillChannels(_ slot: XHTMLElement) {
        let known = ["DONE", "FAILED", "IN_PROGRESS", "WAITING", "STATE_UNSPECIFIED", ReportDigest.absentState]
        let table = slot.append("table", ["style": ReportStyle.table, "summary": "States per channel"])
        let head = table.append("thead").append("tr")
        head.append("th", ["style": ReportStyle.headerCell], text: "Channel")
        head.append("th", ["style": ReportStyle.headerCell], text: "Numbers by state")
        let body = table.append("tbody")
        let titles = Dictionary(uniqueKeysWithValues: ProvisioningChannel.allCases.map { ($0.name, $0.title) })
        for channel in ReportDigest.channels {
            let states = digest.channelStates[channel] ?? [:]
            let row = body.append("tr")
            row.append("td", ["style": ReportStyle.cell], text: titles[channel] ?? channel)
            let cell = row.append("td", ["style": ReportStyle.cell])
            // The usual states always (0 included), then any other state the API sent.
            let others = states.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }
            for (state, count) in known.map({ ($0, states[$0] ?? 0) }) + others.map({ ($0.key, $0.value) }) {
                let span = cell.appendItem(style: ReportStyle.countSpan)
                span.append("span", ["style": ReportStyle.idSpan], text: state)
                span.appendText(" \(count)")
            }
        }
    }

    private func fillErrors(_ slot: XHTMLElement) {
        let errors = digest.topErrors
        guard !errors.isEmpty else {
            slot.append("p", ["style": ReportStyle.note], text: "No error codes tonight.")
            return
        }
        let table = slot.append("table", ["style": ReportStyle.table, "summary": "Error codes"])
        let head = table.append("thead").append("tr")
        head.append("th", ["style": ReportStyle.headerNumberCell], text: "Numbers")
        head.append("th", ["style": ReportStyle.headerCell], text: "Code, channel, message and an example")
        let body = table.append("tbody")
        for (key, tally) in errors.prefix(maxErrorCodes) {
            let row = body.append("tr")
            row.append("td", ["style": ReportStyle.numberCell], text: String(tally.count))
            let cell = row.append("td", ["style": ReportStyle.cell])
            let code = cell.append("div")
            code.append("span", ["style": ReportStyle.codeSpan], text: key.code)
            code.appendText(" on \(key.channel)")
            cell.append("div", ["style": ReportStyle.carrierMessage], text: tally.message)
            cell.append(
                "div", ["style": ReportStyle.meaning + ReportStyle.unbroken], text: "e.g. " + tally.examplePhoneNumber)
        }
        if errors.count > maxErrorCodes {
            slot.append(
                "p", ["style": ReportStyle.note],
                text: "\(errors.count - maxErrorCodes) more error codes are in \(context.csvName).")
        }
    }

    private func fillProblems(_ slot: XHTMLElement) {
        let kept = digest.problems.rows
        let rows = maxProblemRows.map { Array(kept.prefix($0)) } ?? kept
        let total = digest.problemCount
        guard total > 0 else {
            slot.append("p", ["style": ReportStyle.note], text: "Every number is healthy.")
            return
        }
        slot.append(
            "p", ["style": ReportStyle.note],
            text: "Worst first, then longest-standing. \(total) numbers need attention.")
        if !rows.isEmpty {
            // A number a row, its facts stacked in one cell (level, number and since; scope; reasons; name; callback),
            // so that a phone shows it without scrolling sideways and codes stay whole.
            let table = slot.append("table", ["style": ReportStyle.table, "summary": "Problem numbers"])
            table.append("thead").append("tr").append(
                "th", ["style": ReportStyle.headerCell], text: "Number: level, scope, reasons, name and callback")
            let body = table.append("tbody")
            for row in rows {
                let facts = body.append("tr").append("td", ["style": ReportStyle.cell])
                let first = facts.append("div")
                first.appendItem(
                    style: ReportStyle.countSpan + ReportStyle.levelLabel(row.verdict.level),
                    text: row.verdict.level.name)
                first.appendItem(style: ReportStyle.countSpan + "font-weight:bold;", text: row.number.phoneNumber ?? "")
                if let since = ProblemList.since(row) {
                    first.appendItem(
                        style: ReportStyle.countSpan + "color:#4b5563;font-size:12px;",
                        text: "since " + APITimestamp.format(since))
                }
                facts.append("div", text: row.scope.displayName)
                for reason in row.verdict.reasons {
                    // The code whole, and the carrier's or API's message beside it.
                    let item = facts.append("div", ["style": ReportStyle.detailLine])
                    item.append("span", ["style": ReportStyle.codeSpan], text: reason.code)
                    if let message = reason.message { item.appendText(" — " + Self.shortened(message, limit: 120)) }
                }
                if let name = row.number.displayName, !name.isEmpty {
                    facts.append("div", ["style": ReportStyle.meaning], text: Self.shortened(name))
                }
                if let url = row.number.callbackUrl, !url.isEmpty {
                    facts.append("div", ["style": ReportStyle.meaning + "overflow-wrap:anywhere;"]).appendLink(
                        Self.shortened(url), style: ReportStyle.link)
                }
            }
        }
        if total > rows.count {
            slot.append(
                "p", ["style": ReportStyle.note, "id": "problems-more"],
                text: "\(total - rows.count) more problem numbers are in \(context.csvName).")
        }
    }

    private func fillTrend(_ slot: XHTMLElement, _ trend: [ReportHistory.TrendPoint]) {
        let table = slot.append("table", ["style": ReportStyle.table, "summary": "Recent nights"])
        let head = table.append("thead").append("tr")
        head.append("th", ["style": ReportStyle.headerCell], text: "Snapshot")
        head.append("th", ["style": ReportStyle.headerCell + "width:60%;"], text: "Numbers by level")
        let body = table.append("tbody")
        // One stacked bar a night, every level its colour, scaled to the largest night: shares and size both show;
        // the counts under it.
        let largest = max(trend.map { $0.levels.values.reduce(0, +) }.max() ?? 1, 1)
        for point in trend {
            let row = body.append("tr")
            let name = row.append("td", ["style": ReportStyle.cell])
            name.append("div", ["style": ReportStyle.idSpan], text: point.snapshot)
            if !point.complete { name.append("div", ["style": "color:#b91c1c;font-size:12px;"], text: "incomplete") }
            let cell = row.append("td", ["style": ReportStyle.cell])
            Self.appendBar(
                cell, HealthLevel.worstFirst.map { ($0, Double(point.levels[$0] ?? 0) * 100 / Double(largest)) },
                label: "Numbers by level, \(point.snapshot)")
            let counts = cell.append("div", ["style": ReportStyle.detailLine + "font-size:12px;"])
            for level in HealthLevel.worstFirst {
                let span = counts.appendItem(style: ReportStyle.countSpan)
                span.append("span", ["style": ReportStyle.levelLabel(level)], text: level.name)
                span.appendText(" \(point.levels[level] ?? 0)")
            }
        }
    }

    /// Very long free text is cut in the report (the CSV has it whole).
    static func shortened(_ text: String, limit: Int = 200) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// `HEALTHY→FAILED` → `HEALTHY-FAILED`, `not fetched tonight` → `not-fetched-tonight`: an XML name, for an `id`.
    static func idToken(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
    }
}

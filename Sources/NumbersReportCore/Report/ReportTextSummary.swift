import Foundation
import ReportWriters
import SinchImportedNumbers

/// The plain-text part of the email: the night at a glance, for clients that show no HTML.
struct ReportTextSummary {
    var document: ReportDocument

    func render() -> String {
        let digest = document.digest
        let context = document.context
        let headline = document.headline
        var lines = [
            document.title, "", headline.smsSentence + ".", headline.levelsLine, headline.completeness, "",
        ]
        if !context.isComplete {
            lines.append("INCOMPLETE RUN: \(context.failedScopes.count) of \(context.scopes.count) scopes failed.")
            for result in context.failedScopes {
                lines.append("  - \(result.scope.displayName): \(result.failure ?? "")")
            }
            lines.append("")
        }
        let causes = digest.actions.ordered.prefix(document.maxActions)
        if !causes.isEmpty {
            lines.append("What to do:")
            for (cause, tally) in causes {
                lines.append("  - \(tally.numbers) \(tally.numbers == 1 ? "number" : "numbers"): \(cause.title)")
                lines.append("    \(cause.entry.actor.title): \(cause.entry.nextStep)")
            }
            lines.append("")
        }
        lines += changeLines()
        lines.append("Run of \(APITimestamp.format(context.clock)), \(digest.rowCount) numbers.")
        lines.append("")
        if let note = document.history?.comparisonNote {
            lines.append(note)
            lines.append("")
        }
        for level in HealthLevel.worstFirst {
            lines.append(
                "  " + level.name.padding(toLength: 15, withPad: " ", startingAt: 0)
                    + String(digest.levelCounts[level] ?? 0))
        }
        lines.append("")
        lines.append("Scopes:")
        for result in context.scopes {
            let status = result.answeredEmpty ? ReportDocument.answeredEmpty : result.isComplete ? "complete" : "FAILED"
            lines.append(
                "  - \(result.scope.displayName) (campaign \(result.scope.campaignId)): \(result.rows) rows of "
                    + "\(result.totalSize.map(String.init) ?? "?"), \(status)")
        }
        lines += context.emptyScopes.map { "Answered with no numbers: " + ReportDocument.emptyScopeSentence($0) }
        let errors = digest.topErrors.prefix(10)
        if !errors.isEmpty {
            lines.append("")
            lines.append("Top error codes:")
            for (key, tally) in errors {
                lines.append(
                    "  - \(key.channel) \(key.code): \(tally.count) (\(ReportDocument.shortened(tally.message, limit: 100)))"
                )
            }
        }
        lines.append("")
        lines.append("The full report is the HTML part of this message; every row is in numbers.csv.")
        return lines.map { SafeText.line($0) }.joined(separator: "\r\n") + "\r\n"
    }

    /// Changes since the previous night, worst first: a line a category, then the first changes.
    private func changeLines() -> [String] {
        guard let changes = document.history?.changes, changes.total > 0 else { return [] }
        var lines = ["Changes since \(changes.previousSnapshot):"]
        for category in SnapshotChange.Category.allCases {
            guard let count = changes.byCategory[category]?.values.reduce(0, +), count > 0 else { continue }
            lines.append("  - \(category.title): \(count)")
        }
        let labels = changes.labels
        let examples = changes.examples.prefix(document.maxChangeExamples ?? 10)
        for change in examples {
            let scope = labels.previousLabel(of: change).map { "\($0) → " } ?? ""
            lines.append(
                "    \(change.phoneNumber)  \(change.category.title): \(change.healthText) "
                    + "(\(scope)\(labels.label(of: change)))"
                    + (change.newErrorCodes.isEmpty ? "" : " " + change.newErrorCodes.joined(separator: " ")))
        }
        if changes.total > examples.count {
            lines.append(
                "    \(changes.total - examples.count) more in \(PayloadPath.changes.fileName) of the snapshot.")
        }
        lines.append("")
        return lines
    }
}

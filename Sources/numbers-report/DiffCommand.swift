import ArgumentParser
import Foundation
import NumbersReportCore

/// `numbers-report diff OLD NEW`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "What changed between two snapshots, worst first: numbers that cannot send, health transitions, numbers added, removed or moved, error codes.",
        discussion: """
            Example:  numbers-report diff reports/2026-11-28T020000Z reports/2026-11-29T020000Z --format csv
            """)

    @Argument(help: "The older snapshot. Example: reports/2026-11-28T020000Z")
    var old: String

    @Argument(help: "The newer snapshot. Example: reports/2026-11-29T020000Z")
    var new: String

    @Option(help: "table (default), csv or json. Example: --format csv > changes.csv")
    var format: DiffOutput.Format = .table

    func run() throws {
        let diff = SnapshotDiff(oldSnapshot: old, newSnapshot: new)
        var output = DiffOutput(format: format, labels: ScopeLabels(snapshots: [new, old]))
        do {
            try diff.changes { output.add($0) }
        } catch {
            StandardError.write("diff failed: \(error)\n")
            throw ExitCode(1)
        }
        output.finish()
    }
}

extension DiffOutput.Format: ExpressibleByArgument {}

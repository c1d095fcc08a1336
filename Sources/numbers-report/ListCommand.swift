import ArgumentParser
import Foundation
import NumbersReportCore

/// `numbers-report list OUTPUT [--json]`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The snapshots of an output directory, oldest first: time, completeness, rows, levels, size.",
        discussion: """
            Reads each published snapshot's summary.json; "?" where it cannot be read. Nothing is written.

            Examples:  numbers-report list /var/lib/numbers-report/reports
                       numbers-report list reports --json | jq '.[-1]'
            """)

    @Argument(help: "An output directory. Example: reports")
    var directory: String

    @Flag(help: "A JSON array instead of the table.")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: directory) else {
            StandardError.write("\(directory): no such directory\n")
            throw ExitCode(1)
        }
        let entries = SnapshotListing(directory: directory).entries()
        print(json ? try SnapshotListing.json(entries) : SnapshotListing.table(entries), terminator: "")
    }
}

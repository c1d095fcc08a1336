import ArgumentParser
import Foundation
import NumbersReportCore

/// `numbers-report render SNAPSHOT --output DIR`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Rebuild a snapshot's rows and report from its raw API pages alone.",
        discussion: """
            Reads data/raw/pages.ndjson.gz and data/raw/run.json (the clock and config of that night) and \
            publishes a new snapshot under DIR. numbers.csv and numbers.ndjson.gz come out byte for byte the same.

            Example:  numbers-report render reports/2026-11-29T020000Z --output /tmp/rebuilt
            """)

    @Argument(help: "The snapshot to rebuild. Example: reports/2026-11-29T020000Z")
    var snapshot: String

    @Option(help: "Publish the rebuilt snapshot under DIR (not the archive itself). Example: --output /tmp/rebuilt")
    var output: String

    func run() throws {
        do {
            let directory = output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output
            print(try SnapshotRender(snapshot: snapshot, outputDirectory: directory).render())
        } catch {
            StandardError.write("render failed: \(error)\n")
            throw ExitCode(1)
        }
    }
}

import Foundation

/// `summary.json`: the night's counts (``RunSummary``), with the time taken until it was written.
struct SummaryOutput: SnapshotOutput {
    let file = PayloadPath.summary

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        let results = night.facts.results
        let summary = RunSummary(
            outcome: results.outcome, runID: results.runID, clock: results.clock, startedAt: results.startedAt,
            seconds: Date().timeIntervalSince(results.startedAt))
        try snapshot.writePayloadFile(file, try summary.encoded())
    }
}

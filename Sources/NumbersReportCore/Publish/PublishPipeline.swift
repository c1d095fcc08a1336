/// Publication as a pipeline of named stages with typed hand-offs (as swift-openapi-generator's
/// `GeneratorPipeline`):
///
/// ```
/// NightResults ─join→ JoinedRowFiles ───────────────────────────────────────────────┐
///              ─gather history→ NightFacts ─render→ NightReport ─each output→ files ─email→ ─seal→ SnapshotLocation
/// ```
///
/// The row files are joined on a thread of their own while the history is gathered and the other outputs are
/// written (the join copies and hashes; the workbook deflates; the comparison reads the previous night): on two
/// cores publication takes about the longer of the two, not their sum. The email, which attaches the joined CSV,
/// comes last. The facts are built once; each output of ``outputs`` writes its one file through the
/// ``SnapshotDirectory``, which alone knows the layout, hashes every byte and publishes.
struct PublishPipeline {
    /// The files written from the report while the row files are joined, in order.
    var outputs: [any SnapshotOutput] = [
        ReportOutput(), WorkbookOutput(), SummaryOutput(), DataPackageOutput(), ChangesOutput(), RunRecordOutput(),
    ]

    /// What publication gives back: where the snapshot is, and the facts it was built from.
    struct Published {
        var location: SnapshotLocation
        var facts: NightFacts
    }

    func publish(_ results: NightResults, into snapshot: SnapshotDirectory) throws -> Published {
        let joining = OverlappedWork { try RowFilesJoin(results: results).join(into: snapshot) }
        let report: NightReport
        do {
            let facts = try HistoryGathering(results: results).gather(
                newRows: snapshot.pathOfWrittenFile(.numbersNDJSON), newRowsWritten: { _ = try joining.value() },
                scratchDirectory: snapshot.scratchPath)
            report = try NightReport(facts: facts)
            for output in outputs { try output.write(report, into: snapshot) }
        } catch {
            // The join still writes into the snapshot: the caller discards it once both are done. Its own error
            // first, as when it ran first.
            _ = try joining.value()
            throw error
        }
        try EmailOutput().write(report, rowFiles: try joining.value(), into: snapshot)
        return Published(location: try SnapshotSeal(facts: report.facts).seal(snapshot), facts: report.facts)
    }
}

/// Publication as a pipeline of named stages with typed hand-offs (as swift-openapi-generator's
/// `GeneratorPipeline`):
///
/// ```
/// NightResults ─join→ JoinedRowFiles ─gather history→ NightFacts ─render→ NightReport
///              ─each output→ payload files ─seal→ SnapshotLocation
/// ```
///
/// The facts are built once; each output of ``outputs`` writes its one file through the
/// ``SnapshotDirectory``, which alone knows the layout, hashes every byte and publishes.
struct PublishPipeline {
    /// The files written from the report, in order.
    var outputs: [any SnapshotOutput] = [
        ReportOutput(), WorkbookOutput(), EmailOutput(), SummaryOutput(), DataPackageOutput(), ChangesOutput(),
        RunRecordOutput(),
    ]

    /// What publication gives back: where the snapshot is, and the facts it was built from.
    struct Published {
        var location: SnapshotLocation
        var facts: NightFacts
    }

    func publish(_ results: NightResults, into snapshot: SnapshotDirectory) throws -> Published {
        let rowFiles = try RowFilesJoin(results: results).join(into: snapshot)
        let facts = try HistoryGathering(results: results).gather(
            rowFiles: rowFiles, scratchDirectory: snapshot.scratchPath)
        let report = try NightReport(facts: facts)
        for output in outputs { try output.write(report, into: snapshot) }
        return Published(location: try SnapshotSeal(facts: facts).seal(snapshot), facts: facts)
    }
}

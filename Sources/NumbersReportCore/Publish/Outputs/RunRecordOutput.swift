import SinchImportedNumbers

/// `raw/run.json`: what `render` needs besides the pages (``RunRecord``).
struct RunRecordOutput: SnapshotOutput {
    let file = PayloadPath.runRecord

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        let results = night.facts.results
        let record = RunRecord(
            runId: results.runID, snapshotTime: APITimestamp.format(results.clock), toolVersion: ToolVersion.current,
            configuration: results.configuration, rowFormat: results.rowFormat == .v1 ? nil : results.rowFormat,
            scopes: results.outcome.scopes.map {
                .init(pages: $0.pages, rows: $0.rows, totalSize: $0.totalSize, failure: $0.error)
            })
        try snapshot.writePayloadFile(file, try record.encoded())
    }
}

import SinchImportedNumbers

/// The second publish stage: what earlier nights in the output directory say about tonight — the
/// changes since the last readable night and the recent nights' counts.
struct HistoryGathering {
    var results: NightResults

    /// - Parameters:
    ///   - newRows: where tonight's `numbers.ndjson.gz` is written (by ``RowFilesJoin``, meanwhile).
    ///   - newRowsWritten: waits until it is written: called before it is read, which it is only when the scopes
    ///     kept no rows for the comparison (``NightResults/diffRows``) and there is an earlier night.
    ///   - scratchDirectory: where the comparison keeps its scratch files.
    func gather(newRows: String, newRowsWritten: () throws -> Void, scratchDirectory: String) throws -> NightFacts {
        let outcome = results.outcome
        let tonight = ReportHistory.TrendPoint(
            snapshot: APITimestamp.formatCompact(results.clock) + " (tonight)", levels: outcome.levelCounts,
            complete: outcome.isComplete, smsNotReady: outcome.smsNotReady)
        let history = try ReportHistory.gather(
            archive: SnapshotArchive(directory: results.configuration.output.directory), newRows: newRows,
            newRowsWritten: newRowsWritten, newParts: results.diffRows, scratchDirectory: scratchDirectory,
            unfetchedScopes: Set(outcome.scopes.filter { !$0.isComplete }.map { DiffScope($0.scope) }),
            scopes: results.configuration.scopes, tonight: tonight
        )
        return NightFacts(results: results, history: history)
    }
}

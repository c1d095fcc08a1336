import SinchImportedNumbers

/// The second publish stage: what earlier nights in the output directory say about tonight — the
/// changes since the last readable night and the recent nights' counts.
struct HistoryGathering {
    var results: NightResults

    /// - Parameter scratchDirectory: where the comparison keeps its scratch files.
    func gather(rowFiles: JoinedRowFiles, scratchDirectory: String) throws -> NightFacts {
        let outcome = results.outcome
        let tonight = ReportHistory.TrendPoint(
            snapshot: APITimestamp.formatCompact(results.clock) + " (tonight)", levels: outcome.levelCounts,
            complete: outcome.isComplete, smsNotReady: outcome.smsNotReady)
        let history = try ReportHistory.gather(
            archive: SnapshotArchive(directory: results.configuration.output.directory), newRows: rowFiles.ndjsonPath,
            newParts: results.diffRows, scratchDirectory: scratchDirectory,
            unfetchedScopes: Set(outcome.scopes.filter { !$0.isComplete }.map { DiffScope($0.scope) }),
            scopes: results.configuration.scopes, tonight: tonight
        )
        return NightFacts(results: results, rowFiles: rowFiles, history: history)
    }
}

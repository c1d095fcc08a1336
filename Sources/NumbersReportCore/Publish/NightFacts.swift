/// The night as the outputs see it, built once: the results of the fetch and what earlier nights say (the
/// comparison and the trend).
struct NightFacts {
    var results: NightResults
    var history: ReportHistory

    /// The report built on these facts (not yet rendered).
    var document: ReportDocument {
        ReportDocument(
            digest: results.digest,
            context: ReportContext(clock: results.clock, scopes: results.outcome.scopes), history: history)
    }
}

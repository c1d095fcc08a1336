import Foundation

/// What the fetch stage hands to publication: the night's scope results and the report's counts, as
/// gathered from the rows while they were written. The input of ``PublishPipeline``.
struct NightResults: Sendable {
    var configuration: ReportConfiguration
    /// The run's clock: health ages, the snapshot's name and its dates.
    var clock: Date
    var runID: String
    /// When the run started (wall clock), for `summary.json`'s timing.
    var startedAt: Date
    /// How each scope ended, requests and retries.
    var outcome: RunOutcome
    /// The report's counts over all scopes, merged in config order.
    var digest: ReportDigest
    var template: ReportTemplate
    /// The row format the rows were written in.
    var rowFormat: RowFormat
    /// Tonight's rows as the comparison with the previous night needs them, taken as they were written
    /// (one run per scope, in file order), so that tonight's rows file is not read back; `nil` when there is
    /// no earlier night.
    var diffRows: [DiffRowsPart]?
    /// The workbook's *Problems* rows, one file per scope that wrote rows, in config order (see ``ScopePart``).
    var problemRows: [DeflatedScratchFile] = []
}

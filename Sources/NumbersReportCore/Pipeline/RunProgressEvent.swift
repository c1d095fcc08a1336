/// What the fetch stage reports as it goes, for a progress display.
public enum RunProgressEvent: Sendable {
    /// Scope `index` (config order) started.
    case scopeStarted(index: Int, scope: ScopeSettings)
    /// A page of scope `index` was written: pages and rows so far, and the API's `totalSize` if it gave one.
    case pageWritten(index: Int, pages: Int, rows: Int, totalSize: Int?)
    /// Scope `index` ended, complete or not.
    case scopeFinished(index: Int, result: ScopeResult)
    /// All scopes ended; the snapshot is being joined, reported and published.
    case publishing
}

import SinchImportedNumbers

/// What one scope gave: its pages, rows and levels, and the error that ended it early, if any.
public struct ScopeResult: Sendable, Hashable {
    public var scope: ScopeSettings
    /// Pages received.
    public var pages = 0
    /// Rows written: one per record received, an undecodable record included (format v2).
    public var rows = 0
    /// `totalSize` as the last page reported it.
    public var totalSize: Int?
    /// Records repeated within the scope (same phone number): kept once, counted here.
    public var duplicates = 0
    /// Records that could not be decoded: counted, and the first 100 kept with their reason. Each is a row
    /// (`REVIEW`, `record_error`), except when a v1 snapshot is rebuilt (v1 wrote none: ``rejectedDropped``).
    public var rejectedCount = 0
    public var rejected: [RejectedRecord] = []
    /// Undecodable records that are not rows (only when a v1 snapshot is rebuilt).
    public var rejectedDropped = 0
    /// Rows per health level.
    public var levelCounts: [HealthLevel: Int] = [:]
    /// Rows whose number cannot send SMS (`sms_ready` false).
    public var smsNotReady = 0
    /// Why the scope stopped before its last page; `nil` when it completed.
    public var error: ScopeFailure?

    public init(scope: ScopeSettings) { self.scope = scope }

    /// The error, as a sentence for people.
    public var failure: String? { error?.description }

    public var isComplete: Bool { error == nil }

    /// Records received: rows written, repeats, and rejected records that are not rows.
    public var received: Int { rows + duplicates + rejectedDropped }

    /// Rows of records that were decoded.
    public var decodedRows: Int { rows - (rejectedCount - rejectedDropped) }

    /// The scope answered to its last page with no record at all: named in the log, `summary.json`, the report
    /// and `check`, never a silent "complete, 0 rows" (an unknown plan + campaign pair may answer so).
    public var answeredEmpty: Bool { isComplete && received == 0 }

    /// A complete scope whose records received differ from the `totalSize` the server announced.
    public var totalSizeDiffers: Bool { isComplete && totalSize != nil && totalSize != received }
}

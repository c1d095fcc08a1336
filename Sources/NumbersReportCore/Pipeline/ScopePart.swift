import Foundation
import ReportWriters
import SinchImportedNumbers

/// The stages after fetch for one scope: its rows (CSV records, a gzip member of NDJSON), its raw
/// pages (a gzip member) and its share of the report, written to part files that are joined in config
/// order when the snapshot is published. Scopes can so be fetched at the same time and still give
/// the same bytes as one after the other.
///
/// Owned by the one task that reads the scope.
// @unchecked Sendable: the task that reads the scope is its only user; it hands the part to the thread
// pool for blocking work (``BlockingWork``) and awaits the result before touching it again, so no two
// threads ever use it at once.
public final class ScopePart: @unchecked Sendable {
    public let index: Int
    private let scope: ScopeSettings
    private let rows: RowFilesWriter
    private let rawPages: RawPagesWriter
    private let builder: RowBuilder
    private var summary: Summary
    /// The phone numbers seen in this scope, themselves (not a hash: a collision would drop a number). E.164
    /// numbers up to 15 bytes are stored inline by `String`, so this costs about the set's own slots.
    private var seenNumbers: Set<String> = []

    /// What a finished part hands back: the scope's result and its share of the report.
    public struct Summary: Sendable {
        public var result: ScopeResult
        public var digest: ReportDigest
        /// What the comparison with the previous night needs of the rows written; `nil` when there is no
        /// previous night.
        var diffRows: DiffRowsPart?
        /// The rows of the workbook's *Problems* sheet (``SheetRows``); `nil` for row format v1, which has none.
        var problemRows: DeflatedScratchFile?
    }
    /// Where ``Summary/diffRows`` are written, when they are kept.
    private let diffRows: DiffRowsPart.Writer?

    init(
        index: Int, configuration: ReportConfiguration, builder: RowBuilder, files paths: ScopePartFiles,
        keepsDiffRows: Bool
    ) throws {
        self.index = index
        diffRows = keepsDiffRows ? try DiffRowsPart.Writer(directory: paths.scratchDirectory) : nil
        self.scope = configuration.scopes[index]
        self.builder = builder
        // The part files are joined and removed before the snapshot is published: not synced (the joined files are).
        // Written and read back past the page cache (RowFilesJoin): copying them into it cost more CPU than the
        // disk's round trip.
        rows = try RowFilesWriter(
            csv: try FileSink(path: paths.csv, mode: paths.mode, syncsOnClose: false, writesDirectly: true),
            ndjson: try FileSink(path: paths.ndjson, mode: paths.mode, syncsOnClose: false, writesDirectly: true),
            output: configuration.output,
            format: builder.format,
            problemSheetDirectory: builder.format == .v1 ? nil : paths.scratchDirectory)
        rawPages = try RawPagesWriter(
            file: try FileSink(path: paths.rawPages, mode: paths.mode, syncsOnClose: false, writesDirectly: true),
            gzipLevel: Int32(configuration.output.effectiveRawGzipLevel),
            members: configuration.output.gzipMembers
        )
        summary = Summary(
            result: ScopeResult(scope: scope),
            digest: ReportDigest(maxProblemRows: configuration.output.xhtmlMaxProblemRows))
    }

    /// Normalise and write one page.
    public func add(_ page: consuming ImportedNumbersPage) throws {
        try rawPages.append(page, scopeIndex: index)
        let format = builder.format
        // Each record is moved into its row, and each row goes everywhere as it is made, never copied (a copy
        // retains its many texts).
        try builder.forEachRow(takingFrom: &page, scope: scope) { row, source in
            if let phone = row.number.phoneNumber, !seenNumbers.insert(phone).inserted {
                summary.result.duplicates += 1
                return
            }
            try rows.append(row, source: source)
            summary.result.rows += 1
            summary.result.levelCounts[row.verdict.level, default: 0] += 1
            if !row.verdict.smsReady { summary.result.smsNotReady += 1 }
            summary.digest.add(row)
            try diffRows?.append(row, format: format)
        }
        let rejected = page.response.rejectedRecords
        summary.result.rejectedCount += rejected.count
        if format == .v1 { summary.result.rejectedDropped += rejected.count }
        summary.result.rejected += rejected.prefix(max(0, 100 - summary.result.rejected.count))
        summary.result.pages += 1
        summary.result.totalSize = page.response.totalSize ?? summary.result.totalSize
    }

    /// Records why the scope stopped early.
    public func fail(_ failure: ScopeFailure) { summary.result.error = failure }

    /// Pages read so far.
    public var pages: Int { summary.result.pages }
    /// Rows written so far.
    public var rowCount: Int { summary.result.rows }

    /// Finishes the part files and hands back the scope's summary.
    /// A scope whose records were all unreadable is not complete: it failed with ``ScopeFailure/unreadableRecords(_:of:firstReason:)``.
    public func finish() throws -> Summary {
        try rows.finish()
        try rawPages.finish()
        summary.diffRows = try diffRows?.finish()
        summary.problemRows = rows.problemRows
        summary.digest.trimProblems()  // the part waits for the others: only the rows it may show
        let result = summary.result
        if result.error == nil, result.rejectedCount > 0, result.decodedRows == 0, result.duplicates == 0 {
            summary.result.error = .unreadableRecords(
                result.rejectedCount, of: result.received, firstReason: result.rejected.first?.reason)
        }
        return summary
    }
}

import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// The stages after fetch, fed page by page: normalise (rows + health) → write (CSV, NDJSON.gz, raw
/// pages; report digest) → report (XHTML, email) → publish (the BagIt snapshot).
///
/// `run` feeds it pages from the API; `render` feeds it the raw pages of an earlier snapshot. Both
/// therefore produce the same files from the same pages and clock.
public final class SnapshotAssembler {
    public let configuration: ReportConfiguration
    public let clock: Date
    public let runID: String
    private let template: ReportTemplate
    private let startedAt = Date()
    private let snapshot: SnapshotDirectory
    private let rows: RowFilesWriter
    private let rawPages: RawPagesWriter
    private let builder: RowBuilder
    private var digest: ReportDigest
    /// One result per configured scope, in config order.
    public private(set) var results: [ScopeResult]
    /// Phone numbers seen in the scope being read (as 64-bit hashes), to keep a repeated record once.
    private var seenNumbers: (scope: Int, hashes: Set<UInt64>) = (-1, [])

    /// Creates the partial snapshot directory and its streaming writers.
    public init(configuration: ReportConfiguration, clock: Date, template: ReportTemplate, runID: String) throws {
        self.configuration = configuration
        self.clock = clock
        self.runID = runID
        self.template = template
        snapshot = try SnapshotDirectory(outputDirectory: configuration.output.directory, runID: runID)
        do {
            rows = try RowFilesWriter(
                csv: try snapshot.createPayloadFile("numbers.csv"),
                ndjson: try snapshot.createPayloadFile("numbers.ndjson.gz"), output: configuration.output)
            rawPages = try RawPagesWriter(
                file: try snapshot.createPayloadFile("raw/pages.ndjson.gz"),
                gzipLevel: Int32(configuration.output.gzipLevel))
        } catch {
            snapshot.discard()
            throw error
        }
        builder = RowBuilder(rules: HealthRules(clock: clock, staleAfterHours: configuration.health.staleAfterHours))
        digest = ReportDigest(maxProblemRows: configuration.output.xhtmlMaxProblemRows)
        results = configuration.scopes.map(ScopeResult.init(scope:))
    }

    /// Normalise and write one page of scope `scopeIndex`.
    public func add(_ page: ImportedNumbersPage, scopeIndex: Int) throws {
        try rawPages.append(page, scopeIndex: scopeIndex)
        let scope = configuration.scopes[scopeIndex]
        if seenNumbers.scope != scopeIndex { seenNumbers = (scopeIndex, []) }
        var pageRows = builder.rows(of: page, scope: scope)
        pageRows.removeAll { row in
            guard let phone = row.number.phoneNumber else { return false }
            let isRepeat = !seenNumbers.hashes.insert(FNV1a.hash(phone)).inserted
            if isRepeat { results[scopeIndex].duplicates += 1 }
            return isRepeat
        }
        let rejected = page.response.rejectedRecords
        results[scopeIndex].rejectedCount += rejected.count
        results[scopeIndex].rejected += rejected.prefix(max(0, 100 - results[scopeIndex].rejected.count))
        try rows.append(pageRows)
        results[scopeIndex].pages += 1
        results[scopeIndex].rows += pageRows.count
        results[scopeIndex].totalSize = page.response.totalSize ?? results[scopeIndex].totalSize
        for row in pageRows {
            results[scopeIndex].levelCounts[row.verdict.level, default: 0] += 1
            digest.add(row)
        }
    }

    /// Records why scope `scopeIndex` stopped early.
    public func fail(scopeIndex: Int, _ failure: ScopeFailure) {
        results[scopeIndex].error = failure
    }

    /// Whether any page was received: without one there is nothing to publish.
    public var hasPages: Bool { results.contains { $0.pages > 0 } }

    /// Finishes every file, writes the report, the email, the summary, the data package, the run
    /// record and the bag's tag files, and renames the snapshot into view.
    /// - Returns: the published path.
    public func publish(requests: Int, retries: Int) throws -> String {
        try rows.finish()
        try rawPages.finish()
        let outcome = RunOutcome(snapshotPath: nil, scopes: results, requests: requests, retries: retries)
        let archive = SnapshotArchive(directory: configuration.output.directory)
        let tonight = ReportHistory.TrendPoint(
            snapshot: APITimestamp.formatCompact(clock) + " (tonight)", levels: outcome.levelCounts,
            complete: outcome.isComplete)
        let history = try ReportHistory.gather(
            archive: archive, newRows: snapshot.dataPath + "/numbers.ndjson.gz", tonight: tonight)
        let document = ReportDocument(
            digest: digest, context: ReportContext(clock: clock, scopes: results), history: history)
        let html = try document.render(template: template)
        try write("report.xhtml", html)
        try ReportEmail(settings: configuration.email, document: document, runID: runID).write(
            to: try snapshot.createPayloadFile("report.eml"), html: html,
            csvPath: snapshot.dataPath + "/numbers.csv", scratchDirectory: snapshot.partialPath)
        try RunSummaryFile(outcome: outcome, runID: runID, clock: clock, startedAt: startedAt).write(
            to: try snapshot.createPayloadFile("summary.json"))
        try write("datapackage.json", try DataPackageFile.bytes(bom: configuration.output.csvByteOrderMark))
        let record = RunRecord(
            runId: runID, snapshotTime: APITimestamp.format(clock), toolVersion: ToolVersion.current,
            configuration: configuration,
            scopes: results.map { .init(pages: $0.pages, rows: $0.rows, totalSize: $0.totalSize, failure: $0.error) })
        try write("raw/run.json", try record.encoded())
        let previous = archive.latest().flatMap(SnapshotArchive.tagmanifestSHA256(of:)) ?? "none"
        let info = BagInfo(
            baggingDate: String(APITimestamp.format(clock).prefix(10)), payloadOxum: snapshot.payloadOxum,
            externalIdentifier: runID, sourceOrganization: configuration.output.sourceOrganization,
            softwareAgent: "numbers-report \(ToolVersion.current)", snapshotTime: APITimestamp.format(clock),
            configSHA256: try RunRecord.configurationDigest(configuration), runComplete: outcome.isComplete,
            previousTagmanifestSHA256: previous)
        return try snapshot.publish(clock: clock, bagInfo: info)
    }

    /// Removes the partial snapshot.
    public func discard() { snapshot.discard() }

    private func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let file = try snapshot.createPayloadFile(relativePath)
        try file.write(bytes)
        try file.close()
    }
}

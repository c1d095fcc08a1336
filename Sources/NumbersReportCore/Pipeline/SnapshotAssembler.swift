import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// The stages after fetch: each scope's ``ScopePart`` (normalise → write), then, at publication, the
/// parts joined in config order → report (XHTML, email) → publish (the BagIt snapshot).
///
/// `run` fills the parts from the API, several scopes at once; `render` fills them from the raw pages
/// of an earlier snapshot. Both therefore produce the same files from the same pages and clock.
public final class SnapshotAssembler {
    public let configuration: ReportConfiguration
    public let clock: Date
    public let runID: String
    private let template: ReportTemplate
    private let startedAt = Date()
    private let snapshot: SnapshotDirectory
    /// Where the scopes' part files are written until they are joined (outside `data/`).
    private let partsPath: String
    private let builder: RowBuilder
    private var summaries: [ScopePart.Summary?]
    private var failures: [Int: ScopeFailure] = [:]
    /// After ``publish(requests:retries:)``: why the report has no comparison with the previous night, or
    /// took it from an older one (earlier snapshots that could not be read). The report shows it too.
    public private(set) var comparisonNote: String?

    /// Creates the partial snapshot directory.
    public init(configuration: ReportConfiguration, clock: Date, template: ReportTemplate, runID: String) throws {
        self.configuration = configuration
        self.clock = clock
        self.runID = runID
        self.template = template
        snapshot = try SnapshotDirectory(outputDirectory: configuration.output.directory, runID: runID)
        partsPath = snapshot.partialPath + "/parts"
        do {
            try FileSystem.makeDirectory(partsPath)
        } catch {
            snapshot.discard()
            throw error
        }
        builder = RowBuilder(rules: HealthRules(clock: clock, staleAfterHours: configuration.health.staleAfterHours))
        summaries = Array(repeating: nil, count: configuration.scopes.count)
    }

    /// A factory of scope parts that can be handed to the tasks reading the scopes.
    public var partFactory: ScopePartFactory {
        ScopePartFactory(configuration: configuration, builder: builder, directory: partsPath)
    }

    /// Takes a finished part's summary.
    public func absorb(_ summary: ScopePart.Summary, scopeIndex: Int) {
        summaries[scopeIndex] = summary
    }

    /// Records why scope `scopeIndex` stopped early (or was never started).
    public func fail(scopeIndex: Int, _ failure: ScopeFailure) {
        failures[scopeIndex] = failure
    }

    /// One result per configured scope, in config order.
    public var results: [ScopeResult] {
        configuration.scopes.indices.map { index in
            var result = summaries[index]?.result ?? ScopeResult(scope: configuration.scopes[index])
            if let failure = failures[index] { result.error = failure }
            return result
        }
    }

    /// Whether any page was received: without one there is nothing to publish.
    public var hasPages: Bool { summaries.contains { ($0?.result.pages ?? 0) > 0 } }

    /// Joins the parts, writes the report, the email, the summary, the data package, the run record and
    /// the bag's tag files, and renames the snapshot into view.
    /// - Returns: the published path.
    public func publish(requests: Int, retries: Int) throws -> String {
        let results = self.results
        var digest = ReportDigest(maxProblemRows: configuration.output.xhtmlMaxProblemRows)
        for summary in summaries { if let summary { digest.merge(summary.digest) } }
        try joinParts()
        let outcome = RunOutcome(snapshotPath: nil, scopes: results, requests: requests, retries: retries)
        let archive = SnapshotArchive(directory: configuration.output.directory)
        let tonight = ReportHistory.TrendPoint(
            snapshot: APITimestamp.formatCompact(clock) + " (tonight)", levels: outcome.levelCounts,
            complete: outcome.isComplete)
        let history = ReportHistory.gather(
            archive: archive, newRows: snapshot.dataPath + "/numbers.ndjson.gz", tonight: tonight)
        comparisonNote = history.comparisonNote
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

    /// `numbers.csv`, `numbers.ndjson.gz` and `raw/pages.ndjson.gz` from the parts, in config order; the
    /// gzip files are the parts' members one after the other (one valid gzip file). Hashed as they are copied.
    private func joinParts() throws {
        let csv = try snapshot.createPayloadFile("numbers.csv")
        try csv.write(RowFilesWriter.csvHeader(output: configuration.output))
        let ndjson = try snapshot.createPayloadFile("numbers.ndjson.gz")
        let rawPages = try snapshot.createPayloadFile("raw/pages.ndjson.gz")
        // A part without pages (a scope that failed at once) adds nothing, as when `render` rebuilds it.
        for index in configuration.scopes.indices where (summaries[index]?.result.pages ?? 0) > 0 {
            let paths = ScopePart.paths(directory: partsPath, index: index)
            try FileCopy.append(paths.csv, to: csv)
            try FileCopy.append(paths.ndjson, to: ndjson)
            try FileCopy.append(paths.rawPages, to: rawPages)
        }
        try csv.close()
        try ndjson.close()
        try rawPages.close()
        FileSystem.removeTree(partsPath)
    }

    private func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let file = try snapshot.createPayloadFile(relativePath)
        try file.write(bytes)
        try file.close()
    }
}

/// Makes the ``ScopePart`` of a scope; a value that the tasks reading the scopes can share.
public struct ScopePartFactory: Sendable {
    let configuration: ReportConfiguration
    let builder: RowBuilder
    let directory: String

    public func makePart(scopeIndex: Int) throws -> ScopePart {
        try ScopePart(index: scopeIndex, configuration: configuration, builder: builder, directory: directory)
    }
}

/// Appends a file's bytes to a sink, a megabyte at a time.
enum FileCopy {
    static func append(_ path: String, to sink: any ByteSink) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OutputFileError(operation: "read", path: path, errno: errno)
        }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            try chunk.withUnsafeBytes { try sink.write($0) }
        }
    }
}

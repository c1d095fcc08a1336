import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// Gathers what the fetch stage produces — each scope's ``ScopePart`` (normalise → write) and how each
/// scope ended — and hands it, at publication, to the ``PublishPipeline`` (join → history → report →
/// outputs → seal).
///
/// `run` fills the parts from the API, several scopes at once; `render` fills them from the raw pages
/// of an earlier snapshot. Both therefore produce the same files from the same pages and clock.
// @unchecked Sendable: used by one task at a time — the run's task, which awaits each hand-off of
// publication to the thread pool (``BlockingWork``) before it touches the assembler again.
public final class SnapshotAssembler: @unchecked Sendable {
    public let configuration: ReportConfiguration
    public let clock: Date
    public let runID: String
    private let template: ReportTemplate
    private let startedAt = Date()
    private let snapshot: SnapshotDirectory
    private let builder: RowBuilder
    private var summaries: [ScopePart.Summary?]
    /// The report's digest of the scopes before ``mergedScopes``, merged in config order (the order its first-seen
    /// examples depend on). A scope's digest is merged, and let go of, as soon as every scope before it has been:
    /// the problem rows the report may show are then held about once, not once a scope (a digest keeps up to
    /// `output.xhtmlMaxProblemRows` rows: 20 scopes of 1,000 rows held some 50 MB on a 1,000,000-number night).
    private var digest: ReportDigest
    /// How many scopes, in config order, ``digest`` holds.
    private var mergedScopes = 0
    private var failures: [Int: ScopeFailure] = [:]
    /// After ``publish(requests:retries:)``: why the report has no comparison with the previous night, or
    /// took it from an older one (earlier snapshots that could not be read). The report shows it too.
    public private(set) var comparisonNote: String?

    /// Creates the partial snapshot directory.
    /// - Parameter rowFormat: the rows' format: ``RowFormat/current`` for a run; a snapshot's own for `render`.
    public init(
        configuration: ReportConfiguration, clock: Date, template: ReportTemplate, runID: String,
        rowFormat: RowFormat = .current
    ) throws {
        self.configuration = configuration
        self.clock = clock
        self.runID = runID
        self.template = template
        snapshot = try SnapshotDirectory(
            outputDirectory: configuration.output.directory, runID: runID,
            fileMode: configuration.output.effectiveFileMode, directoryMode: configuration.output.effectiveDirectoryMode
        )
        builder = RowBuilder(
            rules: HealthRules(clock: clock, staleAfterHours: configuration.health.staleAfterHours), format: rowFormat)
        summaries = Array(repeating: nil, count: configuration.scopes.count)
        digest = ReportDigest(maxProblemRows: configuration.output.xhtmlMaxProblemRows)
        hasEarlierNights = !SnapshotArchive(directory: configuration.output.directory).snapshotNames().isEmpty
    }

    /// Whether the output directory holds a snapshot tonight's rows are compared with: only then are the
    /// rows kept for the comparison as they are written (``DiffRowsPart``).
    private let hasEarlierNights: Bool

    /// A factory of scope parts that can be handed to the tasks reading the scopes.
    public var partFactory: ScopePartFactory {
        ScopePartFactory(
            configuration: configuration, builder: builder,
            files: configuration.scopes.indices.map { snapshot.partFiles(scopeIndex: $0) },
            keepsDiffRows: hasEarlierNights)
    }

    /// Takes a finished part's summary.
    public func absorb(_ summary: ScopePart.Summary, scopeIndex: Int) {
        summaries[scopeIndex] = summary
        while mergedScopes < summaries.count, summaries[mergedScopes] != nil { mergeNextDigest() }
    }

    /// Merges the digest of scope ``mergedScopes`` (none when it has no summary) and lets go of it.
    private func mergeNextDigest() {
        if let scopeDigest = summaries[mergedScopes]?.digest {
            digest.merge(scopeDigest)
            summaries[mergedScopes]?.digest = ReportDigest(maxProblemRows: 0)
        }
        mergedScopes += 1
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

    /// Runs the publish pipeline: the row files, the report, the email, the summary, the data package,
    /// the run record and the bag's tag files; then renames the snapshot into view.
    /// - Returns: the published path.
    public func publish(requests: Int, retries: Int) throws -> String {
        // The scopes never absorbed (stopped, or failed before a part) add nothing; those after them are merged now.
        while mergedScopes < summaries.count { mergeNextDigest() }
        let night = NightResults(
            configuration: configuration, clock: clock, runID: runID, startedAt: startedAt,
            outcome: RunOutcome(snapshotPath: nil, scopes: results, requests: requests, retries: retries),
            digest: digest, template: template, rowFormat: builder.format,
            diffRows: hasEarlierNights ? summaries.compactMap { $0?.diffRows } : nil,
            problemRows: summaries.compactMap { $0?.problemRows })
        let published = try PublishPipeline().publish(night, into: snapshot)
        comparisonNote = published.facts.history.comparisonNote
        return published.location.path
    }

    /// Removes the partial snapshot.
    public func discard() { snapshot.discard() }
}

/// Makes the ``ScopePart`` of a scope; a value that the tasks reading the scopes can share.
public struct ScopePartFactory: Sendable {
    let configuration: ReportConfiguration
    let builder: RowBuilder
    /// Each scope's part files, by scope index.
    let files: [ScopePartFiles]
    let keepsDiffRows: Bool

    public func makePart(scopeIndex: Int) throws -> ScopePart {
        try ScopePart(
            index: scopeIndex, configuration: configuration, builder: builder, files: files[scopeIndex],
            keepsDiffRows: keepsDiffRows)
    }
}

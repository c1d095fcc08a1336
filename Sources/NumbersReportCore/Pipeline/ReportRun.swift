import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// One nightly run: the pipeline of named stages, each handing a typed value to the next.
///
/// ```
/// fetch (pages of a scope) ─► normalise (flat rows + health) ─► write (CSV, NDJSON.gz; report digest)
///   ─► report (XHTML, email) ─► publish (snapshot) ─► deliver (email command)
/// ```
/// Rows stream through: a page is fetched, turned into rows, written, and dropped before the next.
public struct ReportRun: Sendable {
    public var configuration: ReportConfiguration
    public var credentials: Credentials
    /// The run's clock: health ages and the snapshot name.
    public var clock: Date
    /// The report template (see ``ReportTemplate/load(path:configFile:)``).
    public var template: ReportTemplate
    public var logger: Logger

    public init(
        configuration: ReportConfiguration, credentials: Credentials, clock: Date,
        template: ReportTemplate = .builtIn,
        logger: Logger
    ) {
        self.configuration = configuration
        self.credentials = credentials
        self.clock = clock
        self.template = template
        self.logger = logger
    }

    /// Runs every stage and publishes the snapshot when anything was fetched.
    /// - Throws: output errors (the partial snapshot is removed first); API failures end up in the outcome.
    public func run() async throws -> RunOutcome {
        let client = try ImportedNumbersClient(
            configuration: configuration.clientConfiguration, credentials: credentials, logger: logger)
        do {
            let outcome = try await run(client: client)
            try await client.shutdown()
            return outcome
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func run(client: ImportedNumbersClient) async throws -> RunOutcome {
        let runID = UUID().uuidString.lowercased()
        let snapshot = try SnapshotDirectory(outputDirectory: configuration.output.directory, runID: runID)
        do {
            let writer = try RowFilesWriter(dataPath: snapshot.dataPath, output: configuration.output)
            var digest = ReportDigest(maxProblemRows: configuration.output.xhtmlMaxProblemRows)
            let builder = RowBuilder(
                rules: HealthRules(clock: clock, staleAfterHours: configuration.health.staleAfterHours))
            var results: [ScopeResult] = []
            var refusal: SinchAPIError?
            for scope in configuration.scopes {
                var result = ScopeResult(scope: scope)
                if let refusal {
                    result.error = refusal  // the same credentials will be refused again
                } else {
                    try await fetchScope(
                        scope, client: client, builder: builder, writer: writer, digest: &digest, into: &result)
                    if let error = result.error, error.kind == .credentialsRefused { refusal = error }
                }
                results.append(result)
            }
            try writer.finish()
            let statistics = client.statistics
            var outcome = RunOutcome(
                snapshotPath: nil, scopes: results, requests: statistics.listRequests + statistics.tokenRequests,
                retries: statistics.retries)
            guard results.contains(where: { $0.pages > 0 }) else {
                snapshot.discard()
                return outcome
            }
            try writeReport(digest: digest, outcome: outcome, runID: runID, snapshot: snapshot)
            try RunSummaryFile(outcome: outcome, runID: runID, clock: clock).write(to: snapshot.dataPath)
            let published = try snapshot.publish(clock: clock)
            outcome.snapshotPath = published
            if let command = configuration.email.sendCommand {
                outcome.emailFailure = EmailDelivery(command: command).send(file: published + "/data/report.eml")
                if let failure = outcome.emailFailure {
                    logger.error("the report email was not sent", metadata: ["error": "\(failure)"])
                }
            }
            return outcome
        } catch {
            snapshot.discard()
            throw error
        }
    }

    /// The report stage: `report.xhtml` from the template and the digest, and `report.eml` around it.
    private func writeReport(
        digest: ReportDigest, outcome: RunOutcome, runID: String, snapshot: SnapshotDirectory
    )
        throws
    {
        let document = ReportDocument(digest: digest, context: ReportContext(clock: clock, scopes: outcome.scopes))
        let html = try document.render(template: template)
        let file = try FileSink(path: snapshot.dataPath + "/report.xhtml")
        try file.write(html)
        try file.close()
        try ReportEmail(settings: configuration.email, document: document, runID: runID).write(
            to: snapshot.dataPath + "/report.eml", html: html, csvPath: snapshot.dataPath + "/numbers.csv",
            scratchDirectory: snapshot.partialPath)
    }

    /// Fetch → normalise → write for one scope. API errors end the scope and are recorded; output
    /// errors are thrown (the run cannot go on without its files).
    private func fetchScope(
        _ scope: ScopeSettings, client: ImportedNumbersClient, builder: RowBuilder, writer: RowFilesWriter,
        digest: inout ReportDigest, into result: inout ScopeResult
    ) async throws {
        let name = scope.label ?? "\(scope.servicePlanId)/\(scope.campaignId)"
        let pages = client.pages(for: scope.query(pageSize: configuration.api.pageSize))
        do {
            for try await page in pages {
                let rows = builder.rows(of: page, scope: scope)  // normalise
                try writer.append(rows)  // write
                result.pages += 1
                result.rows += rows.count
                result.totalSize = page.response.totalSize ?? result.totalSize
                for row in rows {
                    result.levelCounts[row.verdict.level, default: 0] += 1
                    digest.add(row)  // report
                }
            }
            logger.info(
                "scope complete",
                metadata: [
                    "scope": "\(name)", "pages": "\(result.pages)", "rows": "\(result.rows)",
                    "totalSize": "\(result.totalSize.map(String.init) ?? "-")",
                ])
        } catch let error as SinchAPIError {
            result.error = error
            logger.error(
                "scope failed", metadata: ["scope": "\(name)", "pages": "\(result.pages)", "error": "\(error)"])
        }
    }
}

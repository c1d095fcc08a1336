import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// One nightly run: the pipeline of named stages, each handing a typed value to the next.
///
/// ```
/// fetch (pages of a scope) ─► normalise (flat rows + health) ─► write (CSV, NDJSON.gz) ─► publish (snapshot)
/// ```
/// Rows stream through: a page is fetched, turned into rows, written, and dropped before the next.
public struct ReportRun: Sendable {
    public var configuration: ReportConfiguration
    public var credentials: Credentials
    /// The run's clock: health ages and the snapshot name.
    public var clock: Date
    public var logger: Logger

    public init(configuration: ReportConfiguration, credentials: Credentials, clock: Date, logger: Logger) {
        self.configuration = configuration
        self.credentials = credentials
        self.clock = clock
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
            let builder = RowBuilder(
                rules: HealthRules(clock: clock, staleAfterHours: configuration.health.staleAfterHours))
            var results: [ScopeResult] = []
            var refusal: String?
            for scope in configuration.scopes {
                var result = ScopeResult(scope: scope)
                if let refusal {
                    result.failure = refusal  // the same credentials will be refused again
                } else {
                    try await fetchScope(scope, client: client, builder: builder, writer: writer, into: &result)
                    if result.pages == 0, let failure = result.failure, failure.contains("credentials were refused") {
                        refusal = failure
                    }
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
            try RunSummaryFile(outcome: outcome, runID: runID, clock: clock).write(to: snapshot.dataPath)
            outcome.snapshotPath = try snapshot.publish(clock: clock)
            return outcome
        } catch {
            snapshot.discard()
            throw error
        }
    }

    /// Fetch → normalise → write for one scope. API errors end the scope and are recorded; output
    /// errors are thrown (the run cannot go on without its files).
    private func fetchScope(
        _ scope: ScopeSettings, client: ImportedNumbersClient, builder: RowBuilder, writer: RowFilesWriter,
        into result: inout ScopeResult
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
                for row in rows { result.levelCounts[row.verdict.level, default: 0] += 1 }
            }
            logger.info(
                "scope complete",
                metadata: [
                    "scope": "\(name)", "pages": "\(result.pages)", "rows": "\(result.rows)",
                    "totalSize": "\(result.totalSize.map(String.init) ?? "-")",
                ])
        } catch let error as SinchAPIError {
            result.failure = error.description
            logger.error(
                "scope failed", metadata: ["scope": "\(name)", "pages": "\(result.pages)", "error": "\(error)"])
        }
    }
}

import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// One nightly run: the fetch stage (pages of every scope over HTTP) feeding a ``SnapshotAssembler``
/// (normalise → write), the ``PublishPipeline`` (join → history → report → outputs → seal), then
/// delivery of the email. Blocking file work runs on NIO's thread pool (``BlockingWork``).
///
/// Rows stream through: a page is fetched, turned into rows, written, and dropped before the next.
public struct ReportRun: Sendable {
    public var configuration: ReportConfiguration
    /// The access key of each scope, in config order (see ``ReportConfiguration/scopeKeys(environment:file:)``).
    /// Scopes with the same key share one client and token; a refused key fails only its own scopes.
    public var scopeKeys: [ScopeAccessKey]
    /// The run's clock: health ages and the snapshot name.
    public var clock: Date
    /// The report template (see ``ReportTemplate/load(path:configFile:)``).
    public var template: ReportTemplate
    public var logger: Logger
    /// Called as scopes start, pages are written and scopes end (from the tasks reading the scopes).
    public var progress: (@Sendable (RunProgressEvent) -> Void)?

    /// A run whose scopes each use the key in `scopeKeys` (one per scope, in config order).
    public init(
        configuration: ReportConfiguration, scopeKeys: [ScopeAccessKey], clock: Date,
        template: ReportTemplate = .builtIn, logger: Logger, progress: (@Sendable (RunProgressEvent) -> Void)? = nil
    ) {
        precondition(scopeKeys.count == configuration.scopes.count, "one access key per scope")
        self.configuration = configuration
        self.scopeKeys = scopeKeys
        self.clock = clock
        self.template = template
        self.logger = logger
        self.progress = progress
    }

    /// A run whose scopes all use `credentials`.
    public init(
        configuration: ReportConfiguration, credentials: Credentials, clock: Date,
        template: ReportTemplate = .builtIn, logger: Logger, progress: (@Sendable (RunProgressEvent) -> Void)? = nil
    ) {
        let key = ScopeAccessKey(credentials: credentials, origin: "api")
        self.init(
            configuration: configuration, scopeKeys: Array(repeating: key, count: configuration.scopes.count),
            clock: clock, template: template, logger: logger, progress: progress)
    }

    /// Runs every stage and publishes the snapshot when anything was fetched.
    ///
    /// Cancelling the task (the executable does on SIGTERM and SIGINT) stops the fetch; the run then throws
    /// `CancellationError` after removing its partial snapshot. Once publishing has begun it is finished
    /// (a matter of seconds), so a snapshot is either whole or absent, and the email is not sent.
    /// - Throws: ``OutputDirectoryLock/Held`` when another run holds the output directory; output errors
    ///   (the partial snapshot is removed first); API failures end up in the outcome.
    public func run() async throws -> RunOutcome {
        // One run at a time per output directory, held until publication and retention are done.
        let lock = try OutputDirectoryLock(
            directory: configuration.output.directory, directoryMode: configuration.output.effectiveDirectoryMode,
            fileMode: configuration.output.effectiveFileMode)
        defer { lock.release() }
        let archive = SnapshotArchive(directory: configuration.output.directory)
        for stale in archive.removeStalePartials() {
            logger.warning("removed the partial snapshot of an interrupted run", metadata: ["directory": "\(stale)"])
        }
        // One client (one token) per distinct key, all over one connection pool.
        return try await withImportedNumbersClients(
            configuration: configuration.clientConfiguration, credentials: scopeKeys.map(\.credentials),
            logger: logger
        ) { clients in try await run(clients: clients) }
    }

    private func run(clients: [ImportedNumbersClient]) async throws -> RunOutcome {
        let assembler = try SnapshotAssembler(
            configuration: configuration, clock: clock, template: template, runID: SnapshotArchive.newRunID())
        do {
            try await fetchScopes(clients: clients, into: assembler)
            // Stopped (SIGTERM, SIGINT): what was fetched is not a night; the partial snapshot goes.
            try Task.checkCancellation()
            progress?(.publishing)
            var seen: Set<ObjectIdentifier> = []
            let statistics = clients.filter { seen.insert(ObjectIdentifier($0)).inserted }.map(\.statistics)
            var outcome = RunOutcome(
                snapshotPath: nil, scopes: assembler.results,
                requests: statistics.reduce(0) { $0 + $1.listRequests + $1.tokenRequests },
                retries: statistics.reduce(0) { $0 + $1.retries })
            guard assembler.hasPages else {
                assembler.discard()
                return outcome
            }
            let (requests, retries) = (outcome.requests, outcome.retries)
            // Joining, hashing and syncing the files, and reading earlier nights, block: off the concurrency pool.
            let published = try await BlockingWork.runToCompletion {
                try assembler.publish(requests: requests, retries: retries)
            }
            outcome.snapshotPath = published
            if let note = assembler.comparisonNote {
                logger.warning("an earlier snapshot could not be read", metadata: ["comparison": "\(note)"])
            }
            let archive = SnapshotArchive(directory: configuration.output.directory)
            let keep = configuration.output.keep
            for removed in try await BlockingWork.run({ archive.applyRetention(keep: keep) }) {
                logger.info("removed an old snapshot (output.keep)", metadata: ["snapshot": "\(removed)"])
            }
            if let command = configuration.email.sendCommand {
                outcome.emailFailure =
                    Task.isCancelled
                    ? "not handed to the mailer: the run was stopped (SIGTERM or SIGINT) while publishing"
                    : await EmailDelivery(settings: configuration.email, command: command).send(
                        file: SnapshotLocation(path: published).path(of: .email))
                if let failure = outcome.emailFailure {
                    logger.error("the report email was not sent", metadata: ["error": "\(failure)"])
                }
            }
            return outcome
        } catch {
            assembler.discard()
            throw error
        }
    }

    /// The fetch stage: up to `api.concurrency` scopes at once, each read page by page into its own part, with
    /// its own key's client (`clients[i]` for scope `i`). After a key is refused, the scopes not yet started with
    /// that key are failed (other keys go on); past the run deadline, every scope not yet started is.
    private func fetchScopes(clients: [ImportedNumbersClient], into assembler: SnapshotAssembler) async throws {
        let factory = assembler.partFactory
        let deadline =
            configuration.api.runDeadlineMinutes > 0
            ? Date().addingTimeInterval(configuration.api.runDeadlineMinutes * 60) : nil
        try await withThrowingTaskGroup(of: (Int, ScopePart.Summary).self) { group in
            var next = 0
            var refusals: [Credentials: ScopeFailure] = [:]
            func startNext() {
                while next < configuration.scopes.count, !Task.isCancelled {
                    let index = next
                    next += 1
                    if let refusal = refusals[scopeKeys[index].credentials] {
                        assembler.fail(scopeIndex: index, refusal)  // the same key would be refused again
                        continue
                    }
                    if let deadline, Date() >= deadline {
                        assembler.fail(scopeIndex: index, .runDeadline(configuration.api.runDeadlineMinutes))
                        continue
                    }
                    let client = clients[index]
                    group.addTask {
                        (index, try await fetchScope(index, deadline: deadline, client: client, factory: factory))
                    }
                    return
                }
            }
            for _ in 0..<configuration.api.concurrency { startNext() }
            while let (index, summary) = try await group.next() {
                assembler.absorb(summary, scopeIndex: index)
                progress?(.scopeFinished(index: index, result: summary.result))
                let key = scopeKeys[index]
                if let failure = summary.result.error, failure.isCredentialsRefusal, refusals[key.credentials] == nil {
                    refusals[key.credentials] = failure
                    logRefusal(of: key, failure)
                }
                startNext()
            }
        }
    }

    /// The fetch stage for one scope. API errors end the scope and are recorded; output errors are
    /// thrown (the run cannot go on without its files).
    private func fetchScope(
        _ index: Int, deadline: Date?, client: ImportedNumbersClient, factory: ScopePartFactory
    ) async throws -> ScopePart.Summary {
        let scope = configuration.scopes[index]
        let part = try await BlockingWork.run { try factory.makePart(scopeIndex: index) }
        progress?(.scopeStarted(index: index, scope: scope))
        do {
            var pages = client.pages(
                for: scope.query(pageSize: configuration.api.pageSize), logMetadata: ["scope": "\(scope.displayName)"]
            ).makeAsyncIterator()
            while let page = try await pages.next() {
                let (number, records, totalSize) = (
                    page.number, page.response.importedNumbers.count, page.response.totalSize
                )
                // Writing waits for the compression threads when they fall behind: off the concurrency pool. The
                // page goes there by move: its records are moved into their rows.
                let handOver = PageHandOver(consume page)
                try await BlockingWork.run { try part.add(handOver.take()) }
                logger.debug(
                    "page written",
                    metadata: [
                        "scope": "\(scope.displayName)", "page": .stringConvertible(number),
                        "records": .stringConvertible(records),
                    ])
                progress?(.pageWritten(index: index, pages: part.pages, rows: part.rowCount, totalSize: totalSize))
                if let deadline, Date() >= deadline {
                    part.fail(.runDeadline(configuration.api.runDeadlineMinutes))
                    logger.error("run deadline reached", metadata: ["scope": "\(scope.displayName)"])
                    return try await BlockingWork.run { try part.finish() }
                }
            }
        } catch let error as SinchAPIError {
            part.fail(ScopeFailure(error))
            if error.kind != .credentialsRefused {  // a refused key is logged once, with its scopes (logRefusal)
                logger.error(
                    "scope failed",
                    metadata: [
                        "scope": "\(scope.displayName)", "pages": .stringConvertible(part.pages), "error": "\(error)",
                    ])
            }
            return try await BlockingWork.run { try part.finish() }
        }
        let summary = try await BlockingWork.run { try part.finish() }
        if summary.result.answeredEmpty {
            logger.warning(
                "scope answered with no numbers",
                metadata: [
                    "scope": "\(scope.displayName)", "projectId": "\(scope.projectId)",
                    "servicePlanId": "\(scope.servicePlanId)", "campaignId": "\(scope.campaignId)",
                ])
            return summary
        }
        var metadata: Logger.Metadata = [
            "scope": "\(scope.displayName)", "pages": .stringConvertible(summary.result.pages),
            "rows": .stringConvertible(summary.result.rows),
        ]
        if let totalSize = summary.result.totalSize { metadata["totalSize"] = .stringConvertible(totalSize) }
        logger.info("scope complete", metadata: metadata)
        return summary
    }

    /// One line per refused key (not per scope): where the key came from and every scope that uses it.
    private func logRefusal(of key: ScopeAccessKey, _ failure: ScopeFailure) {
        let scopes = configuration.scopes.indices.filter { scopeKeys[$0].credentials == key.credentials }
        logger.error(
            "access key refused: its scopes are not fetched",
            metadata: [
                "key": "\(key.origin)", "scopes": "\(scopes.map { configuration.scopes[$0].displayName })",
                "error": "\(failure.message)",
            ])
    }
}

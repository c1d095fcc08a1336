import Foundation
import Logging
import SinchImportedNumbers

/// `check`: proves a config can run tonight without publishing anything. Fetches an access token and
/// the first page of every scope, and reports, per scope, whether it answered, its `totalSize`, the
/// page size the server granted and how long the page took.
public struct ConfigCheck: Sendable {
    public var configuration: ReportConfiguration
    public var credentials: Credentials
    public var logger: Logger

    public init(configuration: ReportConfiguration, credentials: Credentials, logger: Logger) {
        self.configuration = configuration
        self.credentials = credentials
        self.logger = logger
    }

    /// Runs the check: the token first, then the scopes, up to `api.concurrency` at once.
    public func run() async throws -> ConfigCheckReport {
        let client = try ImportedNumbersClient(
            configuration: configuration.clientConfiguration, credentials: credentials, logger: logger)
        let report = await check(client)
        try? await client.shutdown()
        return report
    }

    private func check(_ client: ImportedNumbersClient) async -> ConfigCheckReport {
        let tokenStart = ContinuousClock.now
        do {
            try await client.authorize()
        } catch {
            let failure = Self.failure(error)
            logger.error("no access token", metadata: ["error": "\(failure)"])
            return ConfigCheckReport(
                authorization: .failure(failure.description),
                scopes: configuration.scopes.map { ConfigCheckReport.Scope(scope: $0, answer: .failure("not tried")) })
        }
        let tokenLatency = ContinuousClock.now - tokenStart
        var results = [ConfigCheckReport.Scope?](repeating: nil, count: configuration.scopes.count)
        await withTaskGroup(of: (Int, ConfigCheckReport.Scope).self) { group in
            var next = 0
            func startNext() {
                guard next < configuration.scopes.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await probe(configuration.scopes[index], client: client)) }
            }
            for _ in 0..<configuration.api.concurrency { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
        }
        return ConfigCheckReport(
            authorization: .success(configuration.api.auth == .oauth2 ? tokenLatency : nil),
            scopes: results.map { $0! })
    }

    private func probe(_ scope: ScopeSettings, client: ImportedNumbersClient) async -> ConfigCheckReport.Scope {
        let start = ContinuousClock.now
        do {
            let page = try await client.fetchPage(scope.query(pageSize: configuration.api.pageSize), pageToken: nil)
            let latency = ContinuousClock.now - start
            let response = page.response
            return ConfigCheckReport.Scope(
                scope: scope,
                answer: .page(
                    totalSize: response.totalSize, records: response.importedNumbers.count,
                    hasNextPage: response.hasNextPage, latency: latency))
        } catch {
            let failure = Self.failure(error)
            logger.error("scope check failed", metadata: ["scope": "\(scope.displayName)", "error": "\(failure)"])
            return ConfigCheckReport.Scope(scope: scope, answer: .failure(failure.description))
        }
    }

    static func failure(_ error: any Error) -> ScopeFailure {
        (error as? SinchAPIError).map(ScopeFailure.init) ?? ScopeFailure(kind: .other, message: "\(error)")
    }
}

import Foundation
import Logging
import SinchImportedNumbers

/// `check`: proves a config can run tonight without publishing anything. Fetches an access token and
/// the first page of every scope, and reports, per scope, whether it answered, its `totalSize`, the
/// page size the server granted and how long the page took. Each scope is checked with its own access key
/// (one token per distinct key); a key without a token fails only its own scopes.
public struct ConfigCheck: Sendable {
    public var configuration: ReportConfiguration
    /// The access key of each scope, in config order.
    public var scopeKeys: [ScopeAccessKey]
    public var logger: Logger

    /// A check whose scopes each use the key in `scopeKeys` (one per scope, in config order).
    public init(configuration: ReportConfiguration, scopeKeys: [ScopeAccessKey], logger: Logger) {
        precondition(scopeKeys.count == configuration.scopes.count, "one access key per scope")
        self.configuration = configuration
        self.scopeKeys = scopeKeys
        self.logger = logger
    }

    /// A check whose scopes all use `credentials`.
    public init(configuration: ReportConfiguration, credentials: Credentials, logger: Logger) {
        let key = ScopeAccessKey(credentials: credentials, origin: "api")
        self.init(
            configuration: configuration, scopeKeys: Array(repeating: key, count: configuration.scopes.count),
            logger: logger)
    }

    /// ``LocalReadiness`` of `configuration`, off the cooperative pool (it touches the file system).
    public static func localReadiness(_ configuration: ReportConfiguration) async throws -> [LocalReadiness.Finding] {
        try await BlockingWork.run { LocalReadiness.check(configuration) }
    }

    /// Runs the check: a token per key first, then the scopes, up to `api.concurrency` at once.
    public func run() async throws -> ConfigCheckReport {
        try await withImportedNumbersClients(
            configuration: configuration.clientConfiguration, credentials: scopeKeys.map(\.credentials),
            logger: logger
        ) { clients in await check(clients) }
    }

    private func check(_ clients: [ImportedNumbersClient]) async -> ConfigCheckReport {
        // One token per distinct key, in config order.
        var refused: [Credentials: String] = [:]
        var tokenLatency: Duration = .zero
        for (index, key) in scopeKeys.enumerated()
        where scopeKeys.firstIndex(where: { $0.credentials == key.credentials }) == index {
            let tokenStart = ContinuousClock.now
            do {
                try await clients[index].authorize()
                tokenLatency = max(tokenLatency, ContinuousClock.now - tokenStart)
            } catch {
                let failure = Self.failure(error)
                logger.error("no access token", metadata: ["key": "\(key.origin)", "error": "\(failure)"])
                refused[key.credentials] = "access key \(key.origin): \(failure.description)"
            }
        }
        if refused.count == Set(scopeKeys.map(\.credentials)).count {
            let messages = scopeKeys.compactMap { refused.removeValue(forKey: $0.credentials) }
            return ConfigCheckReport(
                authorization: .failure(messages.joined(separator: "; ")),
                scopes: configuration.scopes.map { ConfigCheckReport.Scope(scope: $0, answer: .failure("not tried")) })
        }
        var results = [ConfigCheckReport.Scope?](repeating: nil, count: configuration.scopes.count)
        for (index, scope) in configuration.scopes.enumerated() {
            if let message = refused[scopeKeys[index].credentials] {
                results[index] = ConfigCheckReport.Scope(scope: scope, answer: .failure(message))
            }
        }
        let pending = results.indices.filter { results[$0] == nil }
        await withTaskGroup(of: (Int, ConfigCheckReport.Scope).self) { group in
            var next = 0
            func startNext() {
                guard next < pending.count else { return }
                let index = pending[next]
                next += 1
                let client = clients[index]
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
            let page = try await client.fetchPage(
                scope.query(pageSize: configuration.api.pageSize), pageToken: nil,
                logMetadata: ["scope": "\(scope.displayName)"])
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

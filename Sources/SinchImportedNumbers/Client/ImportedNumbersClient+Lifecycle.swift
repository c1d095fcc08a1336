import Logging

/// Makes a client, runs `body` with it, and shuts the client down when `body` returns, throws or is cancelled,
/// like AsyncHTTPClient's `HTTPClient.withHTTPClient`.
///
/// ```swift
/// let count = try await withImportedNumbersClient(credentials: .fromEnvironment(), logger: logger) { client in
///     try await client.pages(for: query).reduce(0) { $0 + $1.response.importedNumbers.count }
/// }
/// ```
/// - Parameters:
///   - configuration: the client's settings; the defaults suit Sinch's production API.
///   - credentials: the project's access key.
///   - transport: where requests go; `nil` (the default) makes an AsyncHTTPClient connection pool for this call.
///     A transport given here is the caller's, and is not shut down.
///   - logger: where the client logs (retries at ``ImportedNumbersClient/Configuration/retryLogLevel``, `debug`
///     by default); `nil` logs nothing.
///   - body: the work to do with the client. Do not keep the client past it.
/// - Returns: what `body` returns.
/// - Throws: ``ImportedNumbersClient/ConfigurationProblem`` for a setting that is not allowed, whatever `body`
///   throws, or an error from shutting the connection pool down.
public func withImportedNumbersClient<Result>(
    configuration: ImportedNumbersClient.Configuration = .init(), credentials: Credentials,
    transport: (any ImportedNumbersTransport)? = nil, logger: Logger? = nil,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (ImportedNumbersClient) async throws -> Result
) async throws -> Result {
    let client =
        try transport.map {
            try ImportedNumbersClient(
                configuration: configuration, credentials: credentials, transport: $0, logger: logger)
        }
        ?? ImportedNumbersClient(configuration: configuration, credentials: credentials, logger: logger)
    let result: Result
    do {
        result = try await body(client)
    } catch {
        try? await client.shutdown()
        throw error
    }
    try await client.shutdown()
    return result
}

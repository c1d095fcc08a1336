import Logging

/// Makes one client per distinct access key over one HTTP connection pool, runs `body` with them, and shuts the
/// pool down when `body` returns, throws or is cancelled.
///
/// Sinch access keys belong to one project: a job that lists several projects holds a key per project. Each
/// client has its own OAuth2 token (and its own memory of a refused key, so a refused key fails only the work
/// done with it); all of them share the connections and the event loop.
///
/// ```swift
/// try await withImportedNumbersClients(credentials: [retailKey, fraudKey], logger: logger) { clients in
///     for try await page in clients[0].pages(for: retailQuery) { … }
///     for try await page in clients[1].pages(for: fraudQuery) { … }
/// }
/// ```
/// - Parameters:
///   - configuration: the settings of every client; the defaults suit Sinch's production API.
///   - credentials: the access keys; equal keys get the same client (one token between them).
///   - transport: where requests go; `nil` (the default) makes one AsyncHTTPClient connection pool for this call.
///     A transport given here is the caller's, and is not shut down.
///   - logger: where the clients log, as for ``withImportedNumbersClient(configuration:credentials:transport:logger:isolation:_:)``.
///   - body: the work to do; `clients[i]` uses `credentials[i]`. Do not keep the clients past it.
/// - Returns: what `body` returns.
/// - Throws: ``ImportedNumbersClient/ConfigurationProblem`` for a setting that is not allowed, whatever `body`
///   throws, or an error from shutting the connection pool down.
public func withImportedNumbersClients<Result>(
    configuration: ImportedNumbersClient.Configuration = .init(), credentials: [Credentials],
    transport: (any ImportedNumbersTransport)? = nil, logger: Logger? = nil,
    isolation: isolated (any Actor)? = #isolation,
    _ body: ([ImportedNumbersClient]) async throws -> Result
) async throws -> Result {
    try configuration.validate()  // before the timeout is converted for NIO
    let ownedHTTPClient = transport == nil ? AsyncHTTPClientTransport.makeHTTPClient(for: configuration) : nil
    let shared = transport ?? AsyncHTTPClientTransport(httpClient: ownedHTTPClient!)
    let result: Result
    do {
        var byKey: [Credentials: ImportedNumbersClient] = [:]
        let clients = try credentials.map { key in
            if let client = byKey[key] { return client }
            let client = try ImportedNumbersClient(
                configuration: configuration, credentials: key, transport: shared, logger: logger)
            byKey[key] = client
            return client
        }
        result = try await body(clients)
    } catch {
        try? await ownedHTTPClient?.shutdown()
        throw error
    }
    try await ownedHTTPClient?.shutdown()
    return result
}

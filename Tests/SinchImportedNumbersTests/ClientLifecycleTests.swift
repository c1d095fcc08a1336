import Foundation
import SinchImportedNumbers
import Synchronization
import Testing

/// `withImportedNumbersClient` over its own AsyncHTTPClient connection pool: shut down however `body` ends.
@Suite("withImportedNumbersClient's lifecycle")
struct ClientLifecycleTests {
    struct Stop: Error {}

    static let credentials = Credentials(keyID: "id", keySecret: "secret")

    /// Basic authentication, one attempt, and nothing listening: a request fails at once, without a token.
    static var configuration: ImportedNumbersClient.Configuration {
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = "http://127.0.0.1:9"
        configuration.authentication = .basic
        configuration.maxAttempts = 1
        return configuration
    }

    /// The error of a request with `client`, which should have been shut down.
    private func errorAfterShutdown(_ client: ImportedNumbersClient) async -> SinchAPIError? {
        let query = ImportedNumbersQuery(projectId: "p", servicePlanId: "s", campaignId: "c")
        do {
            _ = try await client.fetchPage(query, pageToken: nil)
            return nil
        } catch {
            return error as? SinchAPIError
        }
    }

    @Test("a body that throws: its error comes out, and the HTTP client is shut down")
    func bodyThrows() async throws {
        let kept = Mutex<ImportedNumbersClient?>(nil)
        await #expect(throws: Stop.self) {
            try await withImportedNumbersClient(configuration: Self.configuration, credentials: Self.credentials) {
                client in
                kept.withLock { $0 = client }
                throw Stop()
            }
        }
        let client = try #require(kept.withLock { $0 })
        let error = await errorAfterShutdown(client)
        #expect(error?.kind == .transport)
        #expect(error?.description.contains("alreadyShutdown") == true, "\(String(describing: error))")
    }

    @Test("a body that is cancelled: CancellationError comes out, and the HTTP client is shut down")
    func bodyCancelled() async throws {
        let kept = Mutex<ImportedNumbersClient?>(nil)
        let task = Task {
            try await withImportedNumbersClient(configuration: Self.configuration, credentials: Self.credentials) {
                client in
                kept.withLock { $0 = client }
                try await Task.sleep(for: .seconds(300))
            }
        }
        while kept.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        let client = try #require(kept.withLock { $0 })
        let error = await errorAfterShutdown(client)
        #expect(error?.description.contains("alreadyShutdown") == true, "\(String(describing: error))")
    }
}

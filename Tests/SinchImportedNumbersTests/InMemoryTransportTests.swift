import Foundation
import Logging
import SinchImportedNumbers
import Synchronization
import Testing

/// The client over ``InMemoryTransport``: the same token, retry and paging logic as over HTTP, without a server.
@Suite("the client over the in-memory transport")
struct InMemoryTransportTests {
    static let query = ImportedNumbersQuery(projectId: "p1", servicePlanId: "plan-1", campaignId: "CAMP1")
    static let credentials = Credentials(keyID: "key-id", keySecret: "key-secret")

    static var configuration: ImportedNumbersClient.Configuration {
        var configuration = ImportedNumbersClient.Configuration()
        configuration.retryPolicy = RetryPolicy(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20))
        return configuration
    }

    /// A page of `numbers` (`+1206555000N`) that points to `next`.
    static func page(_ numbers: ClosedRange<Int>, next: String? = nil) -> InMemoryTransport.Response {
        .page(
            ListImportedNumbersResponse(
                importedNumbers: numbers.map { ImportedNumber(phoneNumber: "+1206555\(1000 + $0)") },
                nextPageToken: next, totalSize: 6))
    }

    /// A transport with a token and the three pages of ``query``.
    static func threePages() -> InMemoryTransport {
        let transport = InMemoryTransport()
        transport.respond(to: InMemoryTransport.tokenPath, with: .accessToken("token-1"))
        transport.respond(to: query.requestTarget(pageToken: nil), with: page(1...2, next: "b"))
        transport.respond(to: query.requestTarget(pageToken: "b"), with: page(3...4, next: "c"))
        transport.respond(to: query.requestTarget(pageToken: "c"), with: page(5...6))
        return transport
    }

    @Test("pages follow nextPageToken to the last page; one token serves every request")
    func paging() async throws {
        let transport = Self.threePages()
        let numbers = try await withImportedNumbersClient(
            configuration: Self.configuration, credentials: Self.credentials, transport: transport
        ) { client in
            var numbers: [String] = []
            for try await page in client.pages(for: Self.query) {
                numbers += page.response.importedNumbers.compactMap(\.phoneNumber)
            }
            #expect(client.statistics.listRequests == 3 && client.statistics.tokenRequests == 1)
            return numbers
        }
        #expect(numbers == (1...6).map { "+1206555\(1000 + $0)" })
        let requests = transport.requests
        #expect(requests.map(\.method) == ["POST", "GET", "GET", "GET"])
        #expect(requests.dropFirst().allSatisfy { $0.values(forHeader: "authorization") == ["Bearer token-1"] })
        #expect(requests.allSatisfy { $0.values(forHeader: "User-Agent") == ["sinch-imported-numbers-swift/0.1.0"] })
    }

    @Test("a 503 is retried after a pause, and the retry is logged at debug, never higher")
    func retryAfter503() async throws {
        let transport = Self.threePages()
        transport.respond(
            to: Self.query.requestTarget(pageToken: nil),
            with: [.status(503, headers: [(name: "Retry-After", value: "0")]), Self.page(1...2)])
        let (logger, logs) = LogCapture.logger()
        let page = try await withImportedNumbersClient(
            configuration: Self.configuration, credentials: Self.credentials, transport: transport, logger: logger
        ) { client in
            let page = try await client.fetchPage(Self.query, pageToken: nil)
            #expect(client.statistics.retries == 1 && client.statistics.listRequests == 2)
            return page
        }
        #expect(page.response.importedNumbers.count == 2)
        let retries = logs.lines.withLock { $0 }.filter { $0.contains("retrying after a transient failure") }
        #expect(retries.count == 1)
        #expect(retries.allSatisfy { $0.hasPrefix("debug ") && $0.contains("status=503") }, "\(retries)")
    }

    @Test("a 401 that says the token expired fetches one new token and sends the request again")
    func tokenRefresh() async throws {
        let transport = Self.threePages()
        transport.respond(to: InMemoryTransport.tokenPath, with: [.accessToken("token-1"), .accessToken("token-2")])
        let expired = (name: "WWW-Authenticate", value: #"Bearer error="invalid_token", error_description="expired""#)
        transport.respond(
            to: Self.query.requestTarget(pageToken: nil), with: [.status(401, headers: [expired]), Self.page(1...2)])
        try await withImportedNumbersClient(
            configuration: Self.configuration, credentials: Self.credentials, transport: transport
        ) { client in
            _ = try await client.fetchPage(Self.query, pageToken: nil)
            #expect(client.statistics.tokenRefreshesAfterExpiry == 1 && client.statistics.tokenRequests == 2)
            #expect(client.statistics.retries == 0)
        }
        let authorizations = transport.requests.filter { $0.method == "GET" }.map {
            $0.values(forHeader: "Authorization")
        }
        #expect(authorizations == [["Bearer token-1"], ["Bearer token-2"]])
    }

    @Test("a 401 without an expiry hint is a refusal of the credentials: a SinchAPIError, no retry")
    func refusal() async throws {
        let transport = Self.threePages()
        transport.respond(to: Self.query.requestTarget(pageToken: nil), with: .status(401))
        await #expect(throws: SinchAPIError.self) {
            try await withImportedNumbersClient(
                configuration: Self.configuration, credentials: Self.credentials, transport: transport
            ) { client in
                do {
                    _ = try await client.fetchPage(Self.query, pageToken: nil)
                } catch let error as SinchAPIError {
                    #expect(error.kind == .credentialsRefused && error.statusCode == 401)
                    #expect(client.statistics.retries == 0)
                    throw error
                }
            }
        }
    }

    @Test("a scope past maxPagesPerScope stops with tooManyPages, named by the library's own key")
    func tooManyPages() async throws {
        var configuration = Self.configuration
        configuration.maxPagesPerScope = 2
        let transport = Self.threePages()
        let error = await #expect(throws: SinchAPIError.self) {
            try await withImportedNumbersClient(
                configuration: configuration, credentials: Self.credentials, transport: transport
            ) { client in
                for try await _ in client.pages(for: Self.query) {}
            }
        }
        #expect(error?.kind == .tooManyPages && error?.pageLimit == 2)
        #expect(error?.description == "the scope has more than 2 pages (maxPagesPerScope); stopped")
    }

    /// ``configuration`` with a request timeout longer than the delays below, so that only cancellation ends them.
    static var patientConfiguration: ImportedNumbersClient.Configuration {
        var configuration = configuration
        configuration.requestTimeout = .seconds(600)
        return configuration
    }

    @Test("a cancelled caller gets CancellationError at once, not a transport fault, and nothing is retried")
    func cancellation() async throws {
        let transport = Self.threePages()
        transport.respond(to: Self.query.requestTarget(pageToken: nil), with: Self.page(1...2).delayed(.seconds(300)))
        let client = try ImportedNumbersClient(
            configuration: Self.patientConfiguration, credentials: Self.credentials, transport: transport)
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { try await client.fetchPage(Self.query, pageToken: nil) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let result = await task.result
        // Generous: the whole suite shares two cores; without cancellation this would take 300 s.
        #expect(clock.now - start < .seconds(60))
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(client.statistics.retries == 0 && client.statistics.listRequests == 1)
        try await client.shutdown()
    }

    @Test("a loop that stops early cancels the request for the next page, already on its way")
    func prefetchCancelled() async throws {
        let transport = CancellationRecordingTransport(inner: Self.threePages())
        transport.inner.respond(
            to: Self.query.requestTarget(pageToken: "b"), with: Self.page(3...4, next: "c").delayed(.seconds(300)))
        try await withImportedNumbersClient(
            configuration: Self.patientConfiguration, credentials: Self.credentials, transport: transport
        ) { client in
            for try await page in client.pages(for: Self.query) {
                #expect(page.number == 1)
                // The request for page 2 leaves as page 1 is handed out.
                while transport.inner.requests.count < 3 { try await Task.sleep(for: .milliseconds(5)) }
                break
            }
        }
        // Without cancellation the request would go on for 300 s.
        let clock = ContinuousClock()
        let start = clock.now
        while transport.cancelled.withLock({ $0 }) == 0, clock.now - start < .seconds(60) {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(transport.cancelled.withLock { $0 } == 1, "the prefetched request was cancelled")
        #expect(transport.inner.requests.count == 3, "page 3 was never asked for")
    }

    @Test("withImportedNumbersClient refuses a configuration it cannot work with before calling body")
    func refusedConfiguration() async throws {
        var configuration = Self.configuration
        configuration.baseURL = "http://example.com"
        await #expect(throws: ImportedNumbersClient.ConfigurationProblem.self) {
            try await withImportedNumbersClient(configuration: configuration, credentials: Self.credentials) { _ in
                Issue.record("body ran")
            }
        }
    }
}

extension InMemoryTransport.Response {
    /// This answer, after `delay`.
    func delayed(_ delay: Duration) -> Self { Self(response, delay: delay) }
}

/// A transport of the test's own (the protocol is public) that counts requests ended by cancellation.
final class CancellationRecordingTransport: ImportedNumbersTransport {
    let inner: InMemoryTransport
    let cancelled = Mutex(0)

    init(inner: InMemoryTransport) { self.inner = inner }

    func execute(
        _ request: TransportRequest, timeout: Duration, maxResponseBytes: Int
    ) async throws
        -> TransportResponse
    {
        do {
            return try await inner.execute(request, timeout: timeout, maxResponseBytes: maxResponseBytes)
        } catch is CancellationError {
            cancelled.withLock { $0 += 1 }
            throw CancellationError()
        }
    }
}

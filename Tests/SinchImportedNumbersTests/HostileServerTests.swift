import AsyncHTTPClient
import FakeSinchAPI
import Foundation
import Logging
import Testing

@testable import SinchImportedNumbers

/// The client against a hostile server (the fake on loopback, real HTTP): bodies that never end, an
/// unreachable token endpoint, huge or forged error texts, tokens that would split a header, refusals.
@Suite("the client against a hostile server")
struct HostileServerTests {
    static let scope = FakeScope(projectId: "proj-1", servicePlanId: "plan-1", campaignId: "CAMP1", numbers: 30)
    static let query = ImportedNumbersQuery(
        projectId: scope.projectId, servicePlanId: scope.servicePlanId, campaignId: scope.campaignId, pageSize: 100)

    /// Starts a fake and a client on it (logging into a capture), runs `body`, and always shuts both down.
    @discardableResult
    private func withClient<Result>(
        change: (inout ImportedNumbersClient.Configuration) -> Void = { _ in },
        _ body: (FakeSinchAPI, ImportedNumbersClient, LogCapture.Store) async throws -> Result
    ) async throws -> Result {
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.scopes = [Self.scope]
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = fake.baseURL
        configuration.tokenURL = fake.tokenURL
        configuration.retryPolicy = RetryPolicy(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20))
        change(&configuration)
        let (logger, logs) = LogCapture.logger()
        let client = try ImportedNumbersClient(
            configuration: configuration, credentials: Credentials(keyID: "demo-key-id", keySecret: "demo-key-secret"),
            logger: logger)
        do {
            let result = try await body(fake, client, logs)
            try await client.shutdown()
            await fake.stop()
            return result
        } catch {
            try? await client.shutdown()
            await fake.stop()
            throw error
        }
    }

    private func failure(_ operation: () async throws -> Void) async -> SinchAPIError? {
        do {
            try await operation()
            return nil
        } catch {
            return error as? SinchAPIError
        }
    }

    // MARK: - 1. Every byte has a deadline

    @Test(
        "a body that trickles or never ends is cut at requestTimeout, retried, and the request ends",
        .timeLimit(.minutes(1)),
        arguments: [FakeSinchAPIFault.trickle(interval: .milliseconds(200)), .endlessChunked])
    func slowBodyIsCut(fault: FakeSinchAPIFault) async throws {
        try await withClient(change: {
            $0.requestTimeout = .seconds(1)
            $0.maxAttempts = 2
        }) { fake, client, _ in
            fake.injectFaults([fault, fault])
            let clock = ContinuousClock()
            let start = clock.now
            let error = await failure { _ = try await client.fetchPage(Self.query, pageToken: nil) }
            let elapsed = clock.now - start
            #expect(error?.kind == .timedOut, "\(String(describing: error))")
            #expect(client.statistics.listRequests == 2, "the timeout is retried")
            #expect(client.statistics.retries == 1)
            // Two attempts of 1 s each; generous bounds for busy machines (before: it never ended).
            #expect(elapsed >= .milliseconds(1_900))
            #expect(elapsed < .seconds(12), "\(elapsed)")
        }
    }

    @Test("after a cut body the next attempt gets the page", .timeLimit(.minutes(1)))
    func retryAfterTrickle() async throws {
        // 3 s: long enough for a normal page on a machine busy with the whole suite, far too short for the
        // trickled body (one byte every 200 ms).
        try await withClient(change: { $0.requestTimeout = .seconds(3) }) { fake, client, _ in
            fake.injectFaults([.trickle(interval: .milliseconds(200))])
            let clock = ContinuousClock()
            let start = clock.now
            let page = try await client.fetchPage(Self.query, pageToken: nil)
            #expect(page.response.importedNumbers.count == 30)
            #expect(client.statistics.retries >= 1, "the trickled attempt was cut and retried")
            #expect(
                clock.now - start < .seconds(30), "a cut attempt of 3 s, then the page (generous for busy machines)")
        }
    }

    // MARK: - 2. One retry budget per request

    @Test(
        "nothing listening: one budget of token attempts for ten scopes, well within 30 s, naming host and port",
        .timeLimit(.minutes(1)))
    func unreachableTokenEndpoint() async throws {
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = "http://127.0.0.1:9"
        configuration.tokenURL = "http://127.0.0.1:9/oauth2/token"
        // Defaults otherwise: maxAttempts 5, the production backoff.
        let (logger, _) = LogCapture.logger()
        let client = try ImportedNumbersClient(
            configuration: configuration, credentials: Credentials(keyID: "id", keySecret: "secret"), logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        var errors: [SinchAPIError] = []
        for _ in 0..<10 {
            if let error = await failure({ _ = try await client.fetchPage(Self.query, pageToken: nil) }) {
                errors.append(error)
            }
        }
        let elapsed = clock.now - start
        try await client.shutdown()
        #expect(errors.count == 10)
        #expect(client.statistics.tokenRequests == 5, "one budget of maxAttempts, not 5 × 5 per scope")
        #expect(client.statistics.listRequests == 0)
        #expect(elapsed < .seconds(15), "well within 30 s: \(elapsed)")
        let message = errors.first?.description ?? ""
        #expect(message.contains("could not connect to 127.0.0.1:9 (the token endpoint)"), "\(message)")
        #expect(message.contains("connection refused"), "\(message)")
        #expect(errors.allSatisfy { $0.kind == .transport })
    }

    @Test("a token endpoint that keeps failing costs maxAttempts token requests, not maxAttempts²")
    func tokenFailuresAreNotRetriedTwice() async throws {
        try await withClient(change: { $0.maxAttempts = 3 }) { fake, client, _ in
            fake.injectFaults(Array(repeating: .serverError(status: 503), count: 9), on: .token)
            let error = await failure { _ = try await client.fetchPage(Self.query, pageToken: nil) }
            #expect(error?.statusCode == 503)
            #expect(fake.statistics.tokenRequests == 3)
            #expect(client.statistics.tokenRequests == 3)
            #expect(client.statistics.listRequests == 0)
        }
    }

    // MARK: - 3. Duplicate members

    @Test("a record with a duplicated member is rejected, naming it; the others are kept")
    func duplicateRecordMember() async throws {
        try await withClient { fake, client, _ in
            fake.injectFaults([.duplicateMembers])
            let page = try await client.fetchPage(Self.query, pageToken: nil)
            #expect(page.response.importedNumbers.count == 29)
            #expect(
                page.response.rejectedRecords == [
                    RejectedRecord(index: 0, phoneNumber: nil, reason: "duplicate member \"phoneNumber\"")
                ])
            #expect(!page.response.importedNumbers.contains { $0.phoneNumber == "+19999999999" })
        }
    }

    @Test("a page with a duplicated top-level member is invalid: retried, then the request fails")
    func duplicatePageMember() async throws {
        try await withClient(change: { $0.maxAttempts = 2 }) { fake, client, _ in
            fake.injectFaults([.duplicatePageMember, .duplicatePageMember])
            var query = Self.query
            query.pageSize = 10  // so that the page has a nextPageToken of its own
            let error = await failure { _ = try await client.fetchPage(query, pageToken: nil) }
            #expect(error?.kind == .invalidResponse)
            #expect(
                error?.description.contains("duplicate member \"nextPageToken\"") == true,
                "\(String(describing: error))")
            #expect(client.statistics.listRequests == 2)
        }
    }

    // MARK: - 5. Tokens that would split a header

    @Test("an access_token with CR LF is refused without ever showing it, in errors or logs")
    func tokenWithCRLF() async throws {
        try await withClient(change: { $0.maxAttempts = 2 }) { fake, client, logs in
            fake.injectFaults([.tokenWithCRLF, .tokenWithCRLF], on: .token)
            let error = await failure { _ = try await client.fetchPage(Self.query, pageToken: nil) }
            let text = error?.description ?? ""
            #expect(error?.kind == .invalidResponse)
            #expect(text.contains("the access_token has characters not allowed in an HTTP header"), "\(text)")
            #expect(client.statistics.listRequests == 0, "the token never went into a request")
            for output in [text, logs.text] {
                #expect(!output.contains("X-Injected"))
                #expect(!output.contains("\r"))
            }
        }
    }

    @Test("only RFC 6750 b64token characters make a bearer token")
    func b64token() {
        #expect(TokenFetcher.isHeaderSafe("abcXYZ019-._~+/=="))
        for bad in ["", "a\r\nX: 1", "a b", "==a", "a=b", "tök", "a\u{0}", "a\"b"] {
            #expect(!TokenFetcher.isHeaderSafe(bad), "\(bad.debugDescription)")
        }
    }

    @Test("a connection failure's text never carries a header value")
    func transportTextWithoutHeaders() {
        let secret = "Bearer s3cr3t-t0k3n-value\r\nX-Injected: 1"
        let fromClient = TransportFailure.reason(
            HTTPClientError.invalidHeaderFieldValues([secret]), headers: [(name: "Authorization", value: secret)])
        #expect(!fromClient.contains("s3cr3t"))
        struct Echo: Error, CustomStringConvertible { var description: String }
        let echoed = TransportFailure.reason(
            Echo(description: "refused \(secret) and \(String(reflecting: secret))"),
            headers: [(name: "Authorization", value: secret)])
        #expect(!echoed.contains("s3cr3t"), "\(echoed)")
        #expect(!echoed.contains("\r") && !echoed.contains("\n"))
    }

    // MARK: - 6. Server text in errors

    @Test("a 20 MB error message is cut to 500 characters in the error and the logs")
    func hugeErrorMessage() async throws {
        try await withClient(change: { $0.maxAttempts = 2 }) { fake, client, logs in
            fake.injectFaults([.hugeErrorMessage(characters: 20_000_000), .hugeErrorMessage(characters: 20_000_000)])
            let error = await failure { _ = try await client.fetchPage(Self.query, pageToken: nil) }
            let text = error?.description ?? ""
            #expect(error?.statusCode == 500)
            #expect(text.count < 800, "\(text.count) characters")
            #expect(text.contains("… (19999500 more characters)"))
            #expect((error?.body?.message?.count ?? .max) < 600)
            #expect(logs.text.utf8.count < 10_000, "\(logs.text.utf8.count) bytes of logs")
        }
    }

    @Test("control characters and bidi overrides of a server message are escaped in errors and logs")
    func forgedErrorMessage() async throws {
        try await withClient(change: { $0.maxAttempts = 2 }) { fake, client, logs in
            fake.injectFaults([.forgedErrorMessage, .forgedErrorMessage])
            let error = await failure { _ = try await client.fetchPage(Self.query, pageToken: nil) }
            let text = error?.description ?? ""
            #expect(text.contains(#"Injected\r\n[forged log line]\u{1B}[2J\u{202E}txt.exe"#), "\(text)")
            #expect(!logs.lines.withLock { $0 }.isEmpty)
            for output in [text] + logs.lines.withLock({ $0 }) {
                #expect(!output.contains { $0 == "\r" || $0 == "\n" || $0 == "\u{1B}" || $0 == "\u{202E}" })
            }
        }
    }

    @Test("server text: long text cut with the count, every dangerous scalar escaped")
    func serverText() {
        #expect(
            ServerText.sanitize(String(repeating: "x", count: 510)) == String(repeating: "x", count: 500)
                + "… (10 more characters)")
        #expect(
            ServerText.sanitize("a\r\nb\u{1B}[2J\u{85}\u{2028}\u{2029}\u{202E}\u{2066}é")
                == #"a\r\nb\u{1B}[2J\u{85}\u{2028}\u{2029}\u{202E}\u{2066}é"#)
    }

    // MARK: - 7. Page tokens

    @Test("a repeated 60 KB page token with control characters is shown short and escaped")
    func longRepeatedToken() {
        let token = "loop\n\u{1B}[2J" + String(repeating: "t", count: 60_000)
        let error = SinchAPIError.pageTokenRepeated(token, firstSeenOnPage: 1, page: 3)
        #expect(error.description.count < 300, "\(error.description.count)")
        #expect(!error.description.contains("\n") && !error.description.contains("\u{1B}"))
        #expect(error.description.contains("(60009 characters)"))
    }

    @Test("page tokens are remembered as digests: equal tokens match, others do not")
    func tokenDigest() {
        let long = String(repeating: "a", count: 60_000)
        #expect(PageTokenDigest(long) == PageTokenDigest(String(repeating: "a", count: 60_000)))
        #expect(PageTokenDigest(long) != PageTokenDigest(long + "a"))
        #expect(PageTokenDigest("ab") != PageTokenDigest("ba"))
        #expect(MemoryLayout<PageTokenDigest>.size <= 24)
    }

    // MARK: - 8. Timeouts that do not fit

    @Test("requestTimeout outside 0 < t ≤ 3600 s is refused before any conversion", arguments: [1e10, 0, -1, 3600.5])
    func timeoutRange(seconds: Double) {
        var configuration = ImportedNumbersClient.Configuration()
        configuration.requestTimeout = .seconds(seconds)
        #expect(throws: ImportedNumbersClient.ConfigurationProblem.self) {
            _ = try ImportedNumbersClient(
                configuration: configuration, credentials: Credentials(keyID: "a", keySecret: "b"))
        }
        #expect(throws: ImportedNumbersClient.ConfigurationProblem.self) { try configuration.validate() }
    }

    @Test("duration conversions saturate instead of trapping")
    func saturating() {
        #expect(Duration.seconds(1e10).saturatingNanoseconds == .max)
        #expect(Duration.seconds(-1e10).saturatingNanoseconds == .min)
        #expect(Duration.milliseconds(1500).saturatingNanoseconds == 1_500_000_000)
        #expect(Duration.seconds(1e10).nioTimeAmount.nanoseconds == 86_400 * 1_000_000_000)
    }

    // MARK: - 9. 403 on the list endpoint

    @Test("a 403 from the list endpoint denies this scope only (accessDenied), not the credentials")
    func listForbidden() async throws {
        try await withClient { fake, client, _ in
            fake.injectFaults([.serverError(status: 403)])
            let error = await failure { _ = try await client.fetchPage(Self.query, pageToken: nil) }
            #expect(error?.kind == .accessDenied)
            #expect(error?.statusCode == 403)
            #expect(error?.description.contains("access denied (HTTP 403") == true)
            #expect(client.statistics.retries == 0)
            // The same client goes on with the next request (the token was not dropped or refused).
            let page = try await client.fetchPage(Self.query, pageToken: nil)
            #expect(page.response.importedNumbers.count == 30)
            #expect(fake.statistics.tokenRequests == 1)
        }
    }

    @Test("a 401 from the list endpoint without an expiry hint is still a refusal of the credentials")
    func listUnauthorized() async throws {
        try await withClient { fake, client, _ in
            fake.injectFaults([.serverError(status: 401)])
            let error = await failure { _ = try await client.fetchPage(Self.query, pageToken: nil) }
            #expect(error?.kind == .credentialsRefused)
        }
    }

    @Test("a cancelled request surfaces as CancellationError at once: not a transport fault, not retried")
    func cancellation() async throws {
        try await withClient { fake, client, _ in
            fake.injectFaults([.stall(.seconds(5))])
            let clock = ContinuousClock()
            let start = clock.now
            let task = Task { try await client.fetchPage(Self.query, pageToken: nil) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let result = await task.result
            #expect(clock.now - start < .seconds(4), "stopped while the server stalled (5 s)")
            guard case .failure(let error) = result else {
                Issue.record("the stalled request returned a page")
                return
            }
            #expect(error is CancellationError, "\(error)")
            #expect(client.statistics.retries == 0)
        }
    }
}

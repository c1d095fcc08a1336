import FakeSinchAPI
import Foundation
import SinchImportedNumbers
import Testing

/// The client against the fake API on loopback: real HTTP, real tokens, real pages.
@Suite("the client over HTTP")
struct ClientIntegrationTests {
    static let scope = FakeScope(projectId: "proj-1", servicePlanId: "plan-1", campaignId: "CAMP1", numbers: 230)
    static let query = ImportedNumbersQuery(
        projectId: scope.projectId, servicePlanId: scope.servicePlanId, campaignId: scope.campaignId, pageSize: 100)

    /// Starts a fake and a client on it, runs `body`, and always shuts both down.
    @discardableResult
    private func withClient<Result>(
        authentication: AuthenticationMode = .oauth2, pageSizeCap: Int = 250,
        credentials: Credentials = Credentials(keyID: "demo-key-id", keySecret: "demo-key-secret"),
        change: (inout ImportedNumbersClient.Configuration) -> Void = { _ in },
        _ body: (FakeSinchAPI, ImportedNumbersClient) async throws -> Result
    ) async throws -> Result {
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.scopes = [Self.scope]
        fakeConfiguration.pageSizeCap = pageSizeCap
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = fake.baseURL
        configuration.tokenURL = fake.tokenURL
        configuration.authentication = authentication
        configuration.retryPolicy = RetryPolicy(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20))
        change(&configuration)
        let client = try ImportedNumbersClient(configuration: configuration, credentials: credentials)
        do {
            let result = try await body(fake, client)
            try await client.shutdown()
            await fake.stop()
            return result
        } catch {
            try? await client.shutdown()
            await fake.stop()
            throw error
        }
    }

    @Test(
        "follows nextPageToken to the last page across a server cap below pageSize",
        arguments: [
            AuthenticationMode.oauth2, .basic,
        ])
    func paging(authentication: AuthenticationMode) async throws {
        try await withClient(authentication: authentication, pageSizeCap: 40) { fake, client in
            let pages = try await client.pages(for: Self.query).collected()
            #expect(pages.map(\.number) == Array(1...6))
            #expect(pages.map { $0.response.importedNumbers.count } == [40, 40, 40, 40, 40, 30])
            #expect(
                pages.flatMap { $0.response.importedNumbers.compactMap(\.phoneNumber) }
                    == fake.phoneNumbers(for: Self.scope))
            #expect(pages.allSatisfy { $0.response.totalSize == 230 })
            #expect(pages[0].pageToken == nil && pages[1].pageToken == pages[0].response.nextPageToken)
            #expect(pages[1].requestTarget.contains("&pageToken="))
            #expect(!pages.last!.response.hasNextPage)
            let body = try JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(pages[2].body))
            #expect(body == pages[2].response, "the raw body is kept as received")
            #expect(fake.statistics.tokenRequests == (authentication == .oauth2 ? 1 : 0))
            #expect(client.statistics.listRequests == 6)
        }
    }

    @Test("concurrent requests share one token")
    func sharedToken() async throws {
        try await withClient { fake, client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await client.fetchPage(Self.query, pageToken: nil).response.importedNumbers.count
                    }
                }
                for try await count in group { #expect(count == 100) }
            }
            #expect(fake.statistics.tokenRequests == 1)
        }
    }

    @Test("after a 401 that says the token expired, one new token and the request again")
    func expiredToken() async throws {
        try await withClient { fake, client in
            fake.injectFaults([.pass, .expireTokens])  // the second page's request finds its token expired
            var iterator = client.pages(for: Self.query).makeAsyncIterator()
            let first = try await iterator.next()
            let second = try await iterator.next()
            #expect(first?.number == 1 && second?.number == 2)
            #expect(fake.statistics.tokenRequests == 2)
            #expect(client.statistics.tokenRefreshesAfterExpiry == 1)
            #expect(client.statistics.retries == 0)
        }
    }

    @Test("a server that repeats the token it was asked with is a loop, refused after that page")
    func repeatedToken() async throws {
        try await withClient { fake, client in
            fake.injectFaults([.repeatPageToken])
            var pages: [Int] = []
            do {
                for try await page in client.pages(for: Self.query) { pages.append(page.number) }
                Issue.record("expected a loop error")
            } catch let error as SinchAPIError {
                #expect(error.kind == .pageTokenRepeated)
                #expect(error.description.contains("after page 2, which it had already sent after page 1"))
            }
            #expect(pages == [1, 2])
        }
    }

    @Test("a token sent before, not only the last one, is a loop (A → B → A)")
    func rewoundToken() async throws {
        try await withClient { fake, client in
            fake.injectFaults([.pass, .pass, .rewindPageToken])  // page 3 points back at page 2
            var iterator = client.pages(for: Self.query).makeAsyncIterator()
            let first = try #require(try await iterator.next())
            let second = try #require(try await iterator.next())
            #expect(first.response.nextPageToken != second.response.nextPageToken)
            let third = try #require(try await iterator.next())
            #expect(third.response.nextPageToken == first.response.nextPageToken)
            do {
                _ = try await iterator.next()
                Issue.record("expected a loop error")
            } catch let error as SinchAPIError {
                #expect(error.kind == .pageTokenRepeated)
                #expect(error.description.contains("after page 3, which it had already sent after page 1"))
            }
            #expect(try await iterator.next() == nil, "the sequence ends after the error")
            #expect(fake.statistics.listRequests == 3)
        }
    }

    @Test("retries 503 and 429 (with Retry-After), counting the retries")
    func transientFailures() async throws {
        try await withClient { fake, client in
            fake.injectFaults([.serverError(status: 503), .tooManyRequests(retryAfter: "0"), .serverError(status: 502)])
            let pages = try await client.pages(for: Self.query).collected()
            #expect(pages.count == 3)
            #expect(client.statistics.retries == 3)
            #expect(client.statistics.listRequests == 6)
        }
    }

    @Test("gives up after maxAttempts with the server's status and message")
    func exhaustedAttempts() async throws {
        try await withClient(change: { $0.maxAttempts = 2 }) { fake, client in
            fake.injectFaults([.serverError(status: 500), .serverError(status: 500)])
            await #expect {
                _ = try await client.fetchPage(Self.query, pageToken: nil)
            } throws: { error in
                let error = error as? SinchAPIError
                return error?.kind == .httpStatus && error?.statusCode == 500 && error?.body?.status != nil
            }
        }
    }

    @Test("a 400 is not retried and carries the documented error body")
    func badToken() async throws {
        try await withClient { fake, client in
            await #expect {
                _ = try await client.fetchPage(Self.query, pageToken: "forged-token")
            } throws: { error in
                let error = error as? SinchAPIError
                return error?.statusCode == 400 && error?.body?.status == "INVALID_ARGUMENT"
                    && error?.description.contains("HTTP 400 from /v1/projects/proj-1/importedNumbers?") == true
            }
            #expect(client.statistics.retries == 0)
        }
    }

    @Test("wrong credentials are refused at the token endpoint, without echoing the secret")
    func refused() async throws {
        try await withClient(credentials: Credentials(keyID: "demo-key-id", keySecret: "hunter2")) { fake, client in
            do {
                _ = try await client.fetchPage(Self.query, pageToken: nil)
                Issue.record("expected a refusal")
            } catch let error as SinchAPIError {
                #expect(error.kind == .credentialsRefused)
                #expect(error.description.contains("credentials were refused by the token endpoint (HTTP 401"))
                #expect(!error.description.contains("hunter2"))
            }
        }
    }

    @Test("a body over the size cap is refused")
    func sizeCap() async throws {
        try await withClient(change: {
            $0.maxResponseBytes = 2_000; $0.maxAttempts = 1
        }) { _, client in
            await #expect {
                _ = try await client.fetchPage(Self.query, pageToken: nil)
            } throws: { error in
                (error as? SinchAPIError)?.kind == .responseTooLarge
            }
        }
    }
}

import FakeSinchAPI
import Foundation
import SinchImportedNumbers
import Testing

/// Several access keys over one connection pool, and page tokens with `+`, `/` and `=`, over HTTP.
@Suite("the client: a key per project over one pool; base64 page tokens")
struct KeysPerProjectClientTests {
    static let retail = FakeScope(projectId: "p-retail", servicePlanId: "sp-retail", campaignId: "CRETAIL", numbers: 95)
    static let fraud = FakeScope(projectId: "p-fraud", servicePlanId: "sp-fraud", campaignId: "CFRAUD", numbers: 33)
    static let retailKey = Credentials(keyID: "retail-id", keySecret: "retail-secret")
    static let fraudKey = Credentials(keyID: "fraud-id", keySecret: "fraud-secret")

    static func query(_ scope: FakeScope) -> ImportedNumbersQuery {
        ImportedNumbersQuery(
            projectId: scope.projectId, servicePlanId: scope.servicePlanId, campaignId: scope.campaignId,
            pageSize: 100)
    }

    /// A fake with a key per project (server cap 10 a page) and the client settings pointing at it.
    private func withFake<Result>(
        _ body: (FakeSinchAPI, ImportedNumbersClient.Configuration) async throws -> Result
    ) async throws -> Result {
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.scopes = [Self.retail, Self.fraud]
        fakeConfiguration.pageSizeCap = 10
        fakeConfiguration.projectKeys = [
            "p-retail": FakeAccessKey(keyID: "retail-id", keySecret: "retail-secret"),
            "p-fraud": FakeAccessKey(keyID: "fraud-id", keySecret: "fraud-secret"),
        ]
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = fake.baseURL
        configuration.tokenURL = fake.tokenURL
        configuration.maxAttempts = 1
        do {
            let result = try await body(fake, configuration)
            await fake.stop()
            return result
        } catch {
            await fake.stop()
            throw error
        }
    }

    @Test("a multi-page scope whose page tokens hold + / and = is read whole: the tokens go out percent-encoded")
    func base64PageTokensOverHTTP() async throws {
        try await withFake { fake, configuration in
            try await withImportedNumbersClient(configuration: configuration, credentials: Self.retailKey) { client in
                let pages = try await client.pages(for: Self.query(Self.retail)).collected()
                #expect(pages.count == 10)
                let tokens = pages.compactMap(\.response.nextPageToken).filter { !$0.isEmpty }
                #expect(tokens.count == 9)
                #expect(tokens.allSatisfy { $0.contains("+") && $0.contains("/") && $0.hasSuffix("==") })
                #expect(pages.dropFirst().allSatisfy { $0.requestTarget.contains("&pageToken=%2B%2F%2B%2F") })
                #expect(pages.dropFirst().allSatisfy { $0.requestTarget.contains("%3D%3D") })
                let phones = pages.flatMap { $0.response.importedNumbers.compactMap(\.phoneNumber) }
                #expect(phones == fake.phoneNumbers(for: Self.retail))
            }
        }
    }

    @Test("one client per distinct key over one pool: equal keys share a client and its token")
    func clientPerKey() async throws {
        try await withFake { fake, configuration in
            let keys = [Self.retailKey, Self.fraudKey, Credentials(keyID: "retail-id", keySecret: "retail-secret")]
            try await withImportedNumbersClients(configuration: configuration, credentials: keys) { clients in
                #expect(clients.count == 3)
                #expect(clients[0] === clients[2])
                #expect(clients[0] !== clients[1])
                let retail = try await clients[2].pages(for: Self.query(Self.retail)).collected()
                let fraud = try await clients[1].pages(for: Self.query(Self.fraud)).collected()
                #expect(retail.reduce(0) { $0 + $1.response.importedNumbers.count } == 95)
                #expect(fraud.reduce(0) { $0 + $1.response.importedNumbers.count } == 33)
                #expect(fake.statistics.tokensIssued == 2)
                // A key on another project's scope: 403, access denied, not a refused key.
                do {
                    _ = try await clients[0].fetchPage(Self.query(Self.fraud), pageToken: nil)
                    Issue.record("the retail key opened the fraud project")
                } catch let error as SinchAPIError {
                    #expect(error.kind == .accessDenied)
                    #expect(error.statusCode == 403)
                }
            }
        }
    }

    @Test("a refused key fails only its own client")
    func refusedKeyStaysWithItsClient() async throws {
        try await withFake { _, configuration in
            let keys = [Credentials(keyID: "retail-id", keySecret: "wrong"), Self.fraudKey]
            try await withImportedNumbersClients(configuration: configuration, credentials: keys) { clients in
                await #expect(throws: SinchAPIError.self) { try await clients[0].authorize() }
                try await clients[1].authorize()
                let page = try await clients[1].fetchPage(Self.query(Self.fraud), pageToken: nil)
                #expect(page.response.importedNumbers.count == 10)
            }
        }
    }
}

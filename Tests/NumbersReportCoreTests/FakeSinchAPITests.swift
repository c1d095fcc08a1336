import AsyncHTTPClient
import FakeSinchAPI
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Drives the fake Sinch API over real loopback HTTP with AsyncHTTPClient.
@Suite("FakeSinchAPI")
struct FakeSinchAPITests {
    /// 2025-04-02T19:45:28Z: a fixed "now" so generated times are reproducible.
    static let referenceTime = Date(timeIntervalSince1970: 1_743_623_128)
    static let basic = "Basic " + Data("demo-key-id:demo-key-secret".utf8).base64EncodedString()

    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: Data

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    static func configuration(
        _ change: (inout FakeSinchAPIConfiguration) -> Void = { _ in }
    ) -> FakeSinchAPIConfiguration {
        var configuration = FakeSinchAPIConfiguration()
        configuration.referenceTime = referenceTime
        change(&configuration)
        return configuration
    }

    /// Starts a fake, runs `body`, always stops it.
    static func withFake(
        _ configuration: FakeSinchAPIConfiguration = configuration(),
        _ body: (FakeSinchAPI) async throws -> Void
    ) async throws {
        let fake = FakeSinchAPI(configuration: configuration)
        try await fake.start()
        do {
            try await body(fake)
        } catch {
            await fake.stop()
            throw error
        }
        await fake.stop()
    }

    static func send(
        _ url: String,
        method: HTTPMethod = .GET,
        authorization: String? = nil,
        form: String? = nil
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return Reply(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Data(buffer.readableBytesView)
        )
    }

    static func listURL(_ fake: FakeSinchAPI, _ scope: FakeScope, _ extra: String = "") -> String {
        "\(fake.baseURL)/v1/projects/\(scope.projectId)/importedNumbers?servicePlanId=\(scope.servicePlanId)"
            + "&campaignId=\(scope.campaignId)\(extra)"
    }

    /// A page token as a query value: its `+`, `/` and `=` percent-encoded.
    static func encoded(_ token: String) -> String {
        token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    static func fetchToken(_ fake: FakeSinchAPI) async throws -> String {
        let reply = try await send(
            fake.tokenURL, method: .POST, authorization: basic, form: "grant_type=client_credentials")
        #expect(reply.status == 200)
        return try #require(reply.json["access_token"] as? String)
    }

    // MARK: - Authentication

    @Test func issuesATokenAndAcceptsIt() async throws {
        try await Self.withFake { fake in
            let reply = try await Self.send(
                fake.tokenURL, method: .POST, authorization: Self.basic, form: "grant_type=client_credentials"
            )
            #expect(reply.status == 200)
            #expect(reply.json["token_type"] as? String == "Bearer")
            #expect(reply.json["expires_in"] as? Int == 3600)
            #expect(reply.json["scope"] as? String == "")
            let token = try #require(reply.json["access_token"] as? String)
            #expect(token.count >= 32)

            let page = try await Self.send(Self.listURL(fake, FakeScope.demo[0]), authorization: "Bearer \(token)")
            #expect(page.status == 200)
            #expect((page.json["importedNumbers"] as? [Any])?.count == 100)
            #expect(fake.statistics.tokenRequests == 1)
            #expect(fake.statistics.listRequests == 1)
            #expect(fake.statistics.rejectedRequests == 0)
        }
    }

    @Test func tokenEndpointRejectsBadClientAndGrant() async throws {
        try await Self.withFake { fake in
            let wrongKey = "Basic " + Data("demo-key-id:nope".utf8).base64EncodedString()
            let unauthorised = try await Self.send(
                fake.tokenURL, method: .POST, authorization: wrongKey, form: "grant_type=client_credentials"
            )
            #expect(unauthorised.status == 401)
            #expect(unauthorised.json["error"] as? String == "invalid_client")
            let anonymous = try await Self.send(fake.tokenURL, method: .POST, form: "grant_type=client_credentials")
            #expect(anonymous.status == 401)
            let badGrant = try await Self.send(
                fake.tokenURL, method: .POST, authorization: Self.basic, form: "grant_type=password"
            )
            #expect(badGrant.status == 400)
            #expect(fake.statistics.rejectedRequests == 3)
        }
    }

    @Test func acceptsBasicAuthOnTheList() async throws {
        try await Self.withFake { fake in
            let page = try await Self.send(Self.listURL(fake, FakeScope.demo[1]), authorization: Self.basic)
            #expect(page.status == 200)
            #expect(page.json["totalSize"] as? Int == 75)
            #expect(fake.statistics.basicAuthListRequests == 1)
        }
    }

    @Test func refusesMissingOrUnknownCredentials() async throws {
        try await Self.withFake { fake in
            let url = Self.listURL(fake, FakeScope.demo[0])
            for authorization in [nil, "Bearer not-a-token", "Basic " + Data("x:y".utf8).base64EncodedString()] {
                let reply = try await Self.send(url, authorization: authorization)
                #expect(reply.status == 401)
                let error = try #require(reply.json["error"] as? [String: Any])
                #expect(error["code"] as? Int == 401)
                #expect(error["status"] as? String == "UNAUTHENTICATED")
            }
        }
    }

    @Test func expiredTokensAnswer401WithTheChallenge() async throws {
        try await Self.withFake { fake in
            let token = try await Self.fetchToken(fake)
            fake.expireIssuedTokens()
            let reply = try await Self.send(Self.listURL(fake, FakeScope.demo[0]), authorization: "Bearer \(token)")
            #expect(reply.status == 401)
            let challenge = try #require(reply.header("WWW-Authenticate"))
            #expect(challenge.hasPrefix("Bearer error=\"invalid_token\", error_description=\"Jwt expired at "))
            let fresh = try await Self.fetchToken(fake)
            let retry = try await Self.send(Self.listURL(fake, FakeScope.demo[0]), authorization: "Bearer \(fresh)")
            #expect(retry.status == 200)
        }
    }

    // MARK: - Paging

    @Test func pagesToTheEndUnderTheCap() async throws {
        let configuration = Self.configuration { $0.pageSizeCap = 50 }
        try await Self.withFake(configuration) { fake in
            let token = try await Self.fetchToken(fake)
            var lastPageForms: Set<String> = []
            for scope in FakeScope.demo {
                var phones: [String] = []
                var pageToken: String?
                var pages = 0
                repeat {
                    let extra = "&pageSize=1000" + (pageToken.map { "&pageToken=\(Self.encoded($0))" } ?? "")
                    let reply = try await Self.send(Self.listURL(fake, scope, extra), authorization: "Bearer \(token)")
                    #expect(reply.status == 200)
                    let json = reply.json
                    #expect(json["totalSize"] as? Int == scope.numbers)
                    let records = try #require(json["importedNumbers"] as? [[String: Any]])
                    #expect(records.count <= 50)
                    phones += records.compactMap { $0["phoneNumber"] as? String }
                    pageToken = (json["nextPageToken"] as? String).flatMap { $0.isEmpty ? nil : $0 }
                    if pageToken == nil {
                        lastPageForms.insert(json["nextPageToken"] == nil ? "absent" : "empty")
                    }
                    pages += 1
                } while pageToken != nil && pages < 100
                #expect(pages == (scope.numbers + 49) / 50)
                #expect(phones.count == scope.numbers)
                #expect(Set(phones).count == scope.numbers)
                #expect(phones == fake.records(for: scope).compactMap { $0["phoneNumber"] as? String })
            }
            #expect(lastPageForms == ["absent", "empty"])
        }
    }

    @Test func updatedTimeOrderIsAPermutation() async throws {
        try await Self.withFake { fake in
            let scope = FakeScope.demo[0]
            let reply = try await Self.send(
                Self.listURL(fake, scope, "&orderBy=updatedTime&pageSize=250"), authorization: Self.basic
            )
            let records = try #require(reply.json["importedNumbers"] as? [[String: Any]])
            let phones = records.compactMap { $0["phoneNumber"] as? String }
            #expect(phones != fake.phoneNumbers(for: scope))
            #expect(phones.sorted() == fake.phoneNumbers(for: scope).sorted())
        }
    }

    @Test func refusesForgedAndForeignPageTokensWithTheFlatBody() async throws {
        try await Self.withFake { fake in
            let scope = FakeScope.demo[0]
            let forged = try await Self.send(
                Self.listURL(fake, scope, "&pageToken=Zm9yZ2Vk"), authorization: Self.basic)
            #expect(forged.status == 400)
            #expect(forged.json["code"] as? String == "400")
            #expect(forged.json["status"] as? String == "INVALID_ARGUMENT")
            #expect((forged.json["message"] as? String)?.contains("Invalid page token") == true)

            let first = try await Self.send(Self.listURL(fake, scope, "&pageSize=10"), authorization: Self.basic)
            let token = try #require(first.json["nextPageToken"] as? String)
            let foreign = try await Self.send(
                Self.listURL(fake, scope, "&regionCode=US&pageToken=\(Self.encoded(token))"), authorization: Self.basic
            )
            #expect(foreign.status == 400)
            #expect(foreign.json["code"] as? String == "400")

            let badOrder = try await Self.send(
                Self.listURL(fake, scope, "&orderBy=phoneNumber"), authorization: Self.basic)
            #expect(badOrder.status == 400)
            #expect(badOrder.json["status"] as? String == "INVALID_ARGUMENT")
        }
    }

    @Test func unknownScopeIsAWrapped404() async throws {
        try await Self.withFake { fake in
            let stranger = FakeScope(
                projectId: FakeScope.demoProjectId, servicePlanId: "ffff", campaignId: "CNOPE", numbers: 0
            )
            let reply = try await Self.send(Self.listURL(fake, stranger), authorization: Self.basic)
            #expect(reply.status == 404)
            let error = try #require(reply.json["error"] as? [String: Any])
            #expect(error["code"] as? Int == 404)
            #expect(error["status"] as? String == "NOT_FOUND")

            let missing = try await Self.send(
                "\(fake.baseURL)/v1/projects/\(FakeScope.demoProjectId)/importedNumbers?campaignId=C3O84GA",
                authorization: Self.basic
            )
            #expect(missing.status == 400)
        }
    }

    // MARK: - Filters

    @Test func startPatternFiltersOnTheEncodedPlus() async throws {
        try await Self.withFake { fake in
            let scope = FakeScope.demo[0]
            let reply = try await Self.send(
                Self.listURL(
                    fake, scope, "&numberPattern.pattern=%2B1206&numberPattern.searchPattern=START&pageSize=250"),
                authorization: Self.basic
            )
            #expect(reply.status == 200)
            let phones = try #require(reply.json["importedNumbers"] as? [[String: Any]]).compactMap {
                $0["phoneNumber"] as? String
            }
            let expected = fake.recordCount(for: scope, numberPattern: "+1206", searchPattern: "START")
            #expect(expected == 10)
            #expect(phones.count == expected)
            #expect(reply.json["totalSize"] as? Int == expected)
            #expect(phones.allSatisfy { $0.hasPrefix("+1206") })

            // An unencoded `+` arrives as a space: not a valid pattern.
            let raw = try await Self.send(
                Self.listURL(fake, scope, "&numberPattern.pattern=+1206&numberPattern.searchPattern=START"),
                authorization: Self.basic
            )
            #expect(raw.status == 400)
            #expect(raw.json["code"] as? String == "400")

            let canadian = try await Self.send(Self.listURL(fake, scope, "&regionCode=CA"), authorization: Self.basic)
            #expect(canadian.json["totalSize"] as? Int == fake.recordCount(for: scope, regionCode: "CA"))
            #expect(fake.recordCount(for: scope, regionCode: "CA") == 40)
        }
    }

    // MARK: - Faults and data set

    @Test func injectedFaultsComeFirstThenNormalService() async throws {
        try await Self.withFake { fake in
            fake.injectFaults([.tooManyRequests(retryAfter: "1"), .serverError(status: 503)])
            let url = Self.listURL(fake, FakeScope.demo[2])
            let limited = try await Self.send(url, authorization: Self.basic)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "1")
            let unavailable = try await Self.send(url, authorization: Self.basic)
            #expect(unavailable.status == 503)
            let fine = try await Self.send(url, authorization: Self.basic)
            #expect(fine.status == 200)
        }
    }

    @Test func repeatPageTokenFaultMakesAPagingLoop() async throws {
        try await Self.withFake { fake in
            fake.injectFaults([.repeatPageToken])
            let scope = FakeScope.demo[0]
            let first = try await Self.send(Self.listURL(fake, scope, "&pageSize=10"), authorization: Self.basic)
            let token = try #require(first.json["nextPageToken"] as? String)
            let second = try await Self.send(
                Self.listURL(fake, scope, "&pageSize=10&pageToken=\(Self.encoded(token))"), authorization: Self.basic
            )
            #expect(second.status == 200)
            #expect(second.json["nextPageToken"] as? String == token)
        }
    }

    @Test func dataSetIsDeterministicUniqueAndCoversTheEdgeCases() throws {
        let one = FakeSinchAPI(configuration: Self.configuration())
        let two = FakeSinchAPI(configuration: Self.configuration())
        let records = FakeScope.demo.flatMap { one.records(for: $0) }
        #expect(records.count == 235)
        #expect(FakeScope.demo.allSatisfy { one.recordsJSON(for: $0) == two.recordsJSON(for: $0) })
        let phones = records.compactMap { $0["phoneNumber"] as? String }
        #expect(Set(phones).count == 235)
        #expect(phones.allSatisfy { $0.wholeMatch(of: /\+1[2-9]\d{9}/) != nil })

        let text = FakeScope.demo.map { String(decoding: one.recordsJSON(for: $0), as: UTF8.self) }.joined()
        for needle in [
            "\"SUSPENDED_BY_CARRIER\"", "\"PORTING\"", "\"mmsVzw\"", "\"etag\"", "\"60135\"",
            "\"errorCodes\":[\"1003\"]",
            "\"status\":\"2\"", "\"errorCodes\":[1001,1002]", "\"migrateToSinchTmo\":true", "\"CWRONG1\"",
            "<script>alert(1)</script>", "javascript:alert(1)", "=HYPERLINK", "\\r\\nLine two", "\u{202E}",
            "\"updateTime\":\"2025-03-30T19:45:28.000000Z\"",  // exactly 72 h before the reference time
        ] {
            #expect(text.contains(needle), "data set lacks \(needle)")
        }
        var combinations: Set<String> = []
        for record in records {
            for entry in ((record["mnoConfiguration"] as? [String: [String: Any]]) ?? [:]).values {
                combinations.insert("\(entry["state"] ?? "-")/\(entry["operation"] ?? "-")")
            }
        }
        for state in ["DONE", "FAILED", "IN_PROGRESS", "WAITING", "STATE_UNSPECIFIED"] {
            for operation in ["PROVISIONING", "DEPROVISIONING", "OPERATION_UNSPECIFIED"] {
                #expect(combinations.contains("\(state)/\(operation)"), "no \(state)/\(operation)")
            }
        }
        #expect(records.contains { $0["mnoConfiguration"] == nil })
        #expect(records.contains { $0["smsProvisioning"] == nil })
        #expect(records.contains { $0["campaignProvisioning"] == nil })
        let healthy = records.filter { record in
            guard let mno = record["mnoConfiguration"] as? [String: [String: Any]], mno.count == 4 else { return false }
            return mno.values.allSatisfy { $0["state"] as? String == "DONE" && $0["errorCode"] as? String == "" }
        }
        #expect(healthy.count > records.count / 2)
    }
}

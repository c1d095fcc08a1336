import AsyncHTTPClient
import FakeSinchAPI
import Foundation
import Testing

/// The fake's issue-13 behaviour: keys that belong to a project, unknown scopes answered empty, and page
/// tokens in padded base64 (with `+`, `/` and `=`) as the reference shows them.
@Suite("the fake API: keys per project, empty unknown scopes, base64 page tokens")
struct FakeProjectKeysTests {
    static let retail = FakeScope(projectId: "p-retail", servicePlanId: "sp-retail", campaignId: "CRETAIL", numbers: 30)
    static let fraud = FakeScope(projectId: "p-fraud", servicePlanId: "sp-fraud", campaignId: "CFRAUD", numbers: 20)
    static let shared = FakeScope(projectId: "p-shared", servicePlanId: "sp-shared", campaignId: "CSHARED", numbers: 5)

    static func configuration(
        _ change: (inout FakeSinchAPIConfiguration) -> Void = { _ in }
    ) -> FakeSinchAPIConfiguration {
        FakeSinchAPITests.configuration {
            $0.scopes = [retail, fraud, shared]
            $0.projectKeys = [
                "p-retail": FakeAccessKey(keyID: "retail-id", keySecret: "retail-secret"),
                "p-fraud": FakeAccessKey(keyID: "fraud-id", keySecret: "fraud-secret"),
            ]
            change(&$0)
        }
    }

    static func basic(_ id: String, _ secret: String) -> String {
        "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
    }

    static func token(_ fake: FakeSinchAPI, _ id: String, _ secret: String) async throws -> String {
        let reply = try await FakeSinchAPITests.send(
            fake.tokenURL, method: .POST, authorization: basic(id, secret), form: "grant_type=client_credentials")
        #expect(reply.status == 200)
        return try #require(reply.json["access_token"] as? String)
    }

    @Test("HTTP Basic: a project's key opens it and no other project; the default key opens the others")
    func basicPerProject() async throws {
        try await FakeSinchAPITests.withFake(Self.configuration()) { fake in
            let retailKey = Self.basic("retail-id", "retail-secret")
            #expect(
                try await FakeSinchAPITests.send(
                    FakeSinchAPITests.listURL(fake, Self.retail), authorization: retailKey
                ).status == 200)
            let denied = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, Self.fraud), authorization: retailKey)
            #expect(denied.status == 403)
            let error = try #require(denied.json["error"] as? [String: Any])
            #expect(error["code"] as? Int == 403)
            #expect(error["status"] as? String == "PERMISSION_DENIED")
            #expect((error["message"] as? String)?.contains("p-fraud") == true)
            #expect(
                try await FakeSinchAPITests.send(
                    FakeSinchAPITests.listURL(fake, Self.shared), authorization: retailKey
                ).status == 403)
            // The default key: the project without a key of its own only.
            #expect(
                try await FakeSinchAPITests.send(
                    FakeSinchAPITests.listURL(fake, Self.shared), authorization: FakeSinchAPITests.basic
                ).status == 200)
            #expect(
                try await FakeSinchAPITests.send(
                    FakeSinchAPITests.listURL(fake, Self.retail), authorization: FakeSinchAPITests.basic
                ).status == 403)
            // A wrong secret is not a key at all: 401.
            #expect(
                try await FakeSinchAPITests.send(
                    FakeSinchAPITests.listURL(fake, Self.retail), authorization: Self.basic("retail-id", "nope")
                ).status == 401)
        }
    }

    @Test("a token remembers the key it was issued to: 200 on that key's project, 403 on another")
    func tokensRememberTheirKey() async throws {
        try await FakeSinchAPITests.withFake(Self.configuration()) { fake in
            let fraudToken = try await Self.token(fake, "fraud-id", "fraud-secret")
            #expect(
                try await FakeSinchAPITests.send(
                    FakeSinchAPITests.listURL(fake, Self.fraud), authorization: "Bearer \(fraudToken)"
                ).status == 200)
            let denied = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, Self.retail), authorization: "Bearer \(fraudToken)")
            #expect(denied.status == 403)
            #expect((denied.json["error"] as? [String: Any])?["status"] as? String == "PERMISSION_DENIED")
            let refused = try await FakeSinchAPITests.send(
                fake.tokenURL, method: .POST, authorization: Self.basic("fraud-id", "wrong"),
                form: "grant_type=client_credentials")
            #expect(refused.status == 401)
        }
    }

    @Test("an unknown scope: 404 by default, an empty 200 with unknownScopesAnswerEmpty")
    func unknownScopes() async throws {
        let unknown = FakeScope(projectId: "p-shared", servicePlanId: "sp-gone", campaignId: "CGONE", numbers: 0)
        try await FakeSinchAPITests.withFake(Self.configuration()) { fake in
            let reply = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, unknown), authorization: FakeSinchAPITests.basic)
            #expect(reply.status == 404)
        }
        try await FakeSinchAPITests.withFake(Self.configuration { $0.unknownScopesAnswerEmpty = true }) { fake in
            let reply = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, unknown), authorization: FakeSinchAPITests.basic)
            #expect(reply.status == 200)
            #expect(String(decoding: reply.body, as: UTF8.self) == #"{"importedNumbers":[],"totalSize":0}"#)
            // Still behind authentication and the project's key.
            let denied = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, unknown), authorization: Self.basic("retail-id", "retail-secret"))
            #expect(denied.status == 403)
        }
    }

    @Test("page tokens are padded base64 with + / and =; sent percent-encoded they page to the end, sent raw they fail")
    func base64PageTokens() async throws {
        try await FakeSinchAPITests.withFake(Self.configuration { $0.pageSizeCap = 10 }) { fake in
            let key = Self.basic("retail-id", "retail-secret")
            let first = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, Self.retail), authorization: key)
            let token = try #require(first.json["nextPageToken"] as? String)
            #expect(token.contains("+") && token.contains("/") && token.hasSuffix("="), "\(token)")
            #expect(Data(base64Encoded: token) != nil)
            // A bare + in a query is a space: the token no longer matches.
            let raw = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, Self.retail, "&pageToken=\(token)"), authorization: key)
            #expect(raw.status == 400)
            let second = try await FakeSinchAPITests.send(
                FakeSinchAPITests.listURL(fake, Self.retail, "&pageToken=\(FakeSinchAPITests.encoded(token))"),
                authorization: key)
            #expect(second.status == 200)
            #expect((second.json["importedNumbers"] as? [Any])?.count == 10)
        }
    }
}

import Foundation
import SinchImportedNumbers
import Testing

@Suite("requests: query encoding, URLs, credentials")
struct RequestTests {
    @Test("the documented query parameters, + encoded as %2B, reserved characters escaped")
    func queryEncoding() {
        let query = ImportedNumbersQuery(
            projectId: "d1923022-5199", servicePlanId: "sp 1&x=y", campaignId: "C3O84GA", regionCode: "US",
            numberPattern: .init(pattern: "+1206", searchPattern: .start), orderBy: .updatedTime, pageSize: 1000)
        #expect(
            query.requestTarget(pageToken: "a+b/c=")
                == "/v1/projects/d1923022-5199/importedNumbers?servicePlanId=sp%201%26x%3Dy&campaignId=C3O84GA"
                + "&regionCode=US&numberPattern.pattern=%2B1206&numberPattern.searchPattern=START&pageSize=1000"
                + "&pageToken=a%2Bb%2Fc%3D&orderBy=updatedTime")
        let plain = ImportedNumbersQuery(projectId: "p", servicePlanId: "s", campaignId: "c")
        #expect(plain.requestTarget(pageToken: nil) == "/v1/projects/p/importedNumbers?servicePlanId=s&campaignId=c")
        #expect(plain.requestTarget(pageToken: "") == plain.requestTarget(pageToken: nil))
    }

    @Test("non-ASCII is percent-encoded as UTF-8")
    func unicode() {
        #expect(PercentEncoding.encode("é~-._") == "%C3%A9~-._")
    }

    @Test("credentials come from the environment and never show the secret")
    func credentials() throws {
        let credentials = try Credentials.fromEnvironment(environment: ["SINCH_KEY_ID": "id", "SINCH_KEY_SECRET": "s3"])
        #expect(credentials.keyID == "id" && credentials.keySecret == "s3")
        #expect(!"\(credentials)".contains("s3"))
        #expect(throws: SinchAPIError.credentialsMissing(variable: "SINCH_KEY_SECRET")) {
            try Credentials.fromEnvironment(environment: ["SINCH_KEY_ID": "id"])
        }
        #expect(throws: SinchAPIError.credentialsMissing(variable: "MY_ID")) {
            try Credentials.fromEnvironment(keyIDVariable: "MY_ID", environment: ["MY_ID": ""])
        }
    }

    @Test(
        "plain http is refused unless the host is loopback",
        arguments: [
            ("https://imported.numbers.api.sinch.com", true), ("http://127.0.0.1:8080", true), ("http://[::1]:1", true),
            ("http://localhost", true), ("http://api.example.com", false), ("http://10.0.0.1", false),
            ("api.example.com", false),
        ])
    func urls(url: String, allowed: Bool) {
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = url
        configuration.authentication = .basic
        #expect((try? configuration.validate()) != nil ? allowed : !allowed)
    }

    @Test("backoff: full jitter under a doubling ceiling; Retry-After in seconds or as a date, capped")
    func retryPolicy() {
        let policy = RetryPolicy(
            initialDelay: .milliseconds(100), maximumDelay: .seconds(1), retryAfterCap: .seconds(5))
        for attempt in 1...8 {
            let ceiling = min(Duration.milliseconds(100) * (1 << (attempt - 1)), .seconds(1))
            let delay = policy.delay(afterAttempt: attempt, retryAfter: nil)
            #expect(delay >= .zero && delay <= ceiling)
        }
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(3)) == .seconds(3))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(300)) == .seconds(5))
        #expect(RetryPolicy.parseRetryAfter("7") == .seconds(7))
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == .seconds(30))
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
    }
}

import Foundation
import Logging

/// Asks the OAuth2 token endpoint for a client-credentials token, through the same retries as the list
/// calls (the endpoint is a token bucket and may answer 429).
struct TokenFetcher: Sendable {
    var tokenURL: String
    var credentials: Credentials
    /// Sent as `User-Agent`.
    var userAgent: String
    var exchange: RetryingExchange
    var logger: Logger

    /// Whether `token` is an RFC 6750 `b64token`: `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`,
    /// the only characters a bearer token may have in an `Authorization` header.
    static func isHeaderSafe(_ token: String) -> Bool {
        let bytes = Array(token.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let allowed =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || [
                    UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"),
                    UInt8(ascii: "/"),
                ].contains(byte)
            guard allowed else { break }
            index += 1
        }
        guard index > 0 else { return false }
        while index < bytes.count, bytes[index] == UInt8(ascii: "=") { index += 1 }
        return index == bytes.count
    }

    func fetch() async throws -> OAuth2Token {
        let target = "the token endpoint"
        return try await exchange.run(target: target) {
            let request = TransportRequest(
                method: "POST", url: tokenURL,
                headers: [
                    (name: "Authorization", value: credentials.basicAuthorization),
                    (name: "Content-Type", value: "application/x-www-form-urlencoded"),
                    (name: "Accept", value: "application/json"), (name: "User-Agent", value: userAgent),
                ], body: Array("grant_type=client_credentials".utf8))
            exchange.counters.record { $0.tokenRequests += 1 }
            return request
        } interpret: { outcome -> RetryingExchange.Verdict<OAuth2Token> in
            switch outcome.status {
            case 200:
                guard let answer = try? JSONDecoder().decode(OAuth2Token.Answer.self, from: Data(outcome.body)),
                    !answer.accessToken.isEmpty
                else {
                    return .retry(.invalidResponse("no access_token in the answer", request: target), retryAfter: nil)
                }
                guard Self.isHeaderSafe(answer.accessToken) else {
                    // Never quote the token: it is a secret, and its bytes could forge headers or log lines.
                    return .retry(
                        .invalidResponse(
                            "the access_token has characters not allowed in an HTTP header", request: target),
                        retryAfter: nil)
                }
                let lifetime = TimeInterval(answer.expiresIn ?? 3600)
                logger.debug("obtained an access token", metadata: ["expiresIn": .stringConvertible(Int(lifetime))])
                return .done(
                    OAuth2Token(accessToken: answer.accessToken, expiresAt: Date().addingTimeInterval(lifetime)))
            case 400, 401, 403:
                return .fail(
                    SinchAPIError.credentialsRefused(
                        outcome.status, body: APIErrorBody.decode(from: outcome.body), endpoint: target))
            case let status:
                let error = SinchAPIError.httpStatus(
                    status, body: APIErrorBody.decode(from: outcome.body), request: target)
                return RetryPolicy.retryableStatuses.contains(status)
                    ? .retry(error, retryAfter: RetryingExchange.retryAfter(outcome)) : .fail(error)
            }
        }
    }
}

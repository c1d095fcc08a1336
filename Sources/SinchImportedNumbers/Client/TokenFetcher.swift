import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Asks the OAuth2 token endpoint for a client-credentials token, retrying its transient failures.
struct TokenFetcher: Sendable {
    var tokenURL: String
    var credentials: Credentials
    var transport: HTTPExchange
    var configuration: ImportedNumbersClient.Configuration
    var logger: Logger

    func fetch(counted: @Sendable () -> Void, retried: @Sendable () -> Void) async throws -> OAuth2Token {
        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPClientRequest(url: tokenURL)
            request.method = .POST
            request.headers.add(name: "Authorization", value: credentials.basicAuthorization)
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.headers.add(name: "Accept", value: "application/json")
            request.body = .bytes(ByteBuffer(string: "grant_type=client_credentials"))
            counted()
            let outcome: HTTPExchange.Outcome
            do {
                outcome = try await transport.send(request, target: "the token endpoint")
            } catch {
                guard attempt < configuration.maxAttempts, let failure = error as? SinchAPIError,
                    ImportedNumbersClient.isRetryable(failure)
                else { throw error }
                retried()
                try await Task.sleep(for: configuration.retryPolicy.delay(afterAttempt: attempt, retryAfter: nil))
                continue
            }
            switch outcome.status {
            case 200:
                guard let answer = try? JSONDecoder().decode(OAuth2Token.Answer.self, from: Data(outcome.body)),
                    !answer.accessToken.isEmpty
                else {
                    throw SinchAPIError.invalidResponse("no access_token in the answer", request: "the token endpoint")
                }
                let lifetime = TimeInterval(answer.expiresIn ?? 3600)
                logger.debug("obtained an access token", metadata: ["expiresIn": "\(Int(lifetime))"])
                return OAuth2Token(accessToken: answer.accessToken, expiresAt: Date().addingTimeInterval(lifetime))
            case 400, 401, 403:
                throw SinchAPIError.credentialsRefused(
                    outcome.status, body: APIErrorBody.decode(from: outcome.body), endpoint: "the token endpoint")
            case let status where RetryPolicy.retryableStatuses.contains(status) && attempt < configuration.maxAttempts:
                retried()
                let retryAfter = outcome.headers.first(name: "Retry-After").flatMap { RetryPolicy.parseRetryAfter($0) }
                try await Task.sleep(
                    for: configuration.retryPolicy.delay(afterAttempt: attempt, retryAfter: retryAfter))
            default:
                throw SinchAPIError.httpStatus(
                    outcome.status, body: APIErrorBody.decode(from: outcome.body), request: "the token endpoint")
            }
        }
    }
}

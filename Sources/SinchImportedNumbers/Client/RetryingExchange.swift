import Foundation
import Logging

/// The one place where requests are retried, for the list and the token calls alike: transient
/// failures (429, 5xx, connection faults, timeouts, unreadable 200s) are tried again after the
/// ``RetryPolicy``'s pause, up to `maxAttempts`; anything else ends the request.
struct RetryingExchange: Sendable {
    var transport: HTTPExchange
    var policy: RetryPolicy
    var maxAttempts: Int
    var logger: Logger
    /// The level of the line logged before each retry (``ImportedNumbersClient/Configuration/retryLogLevel``).
    var retryLogLevel: Logger.Level = .debug
    var counters: StatisticsRecorder

    /// What to make of one answer.
    enum Verdict<Value> {
        /// The answer is good.
        case done(Value)
        /// A transient failure: try again after a pause, or throw the error when attempts are used up.
        case retry(SinchAPIError, retryAfter: Duration?)
        /// Send again at once, without counting an attempt (a refreshed token).
        case resend
        /// A failure that another attempt will not mend.
        case fail(any Error)
    }

    /// Sends `makeRequest()` until `interpret` accepts an answer or gives up.
    ///
    /// An error thrown by `makeRequest` (obtaining the token, which has a retry budget of its own) ends the
    /// request at once: budgets are never nested, so an unreachable token endpoint costs `maxAttempts`
    /// attempts, not `maxAttempts²`.
    ///
    /// - Parameter describedAs: what the retry line says the request was (the caller's scope and page);
    ///   `nil` names it by `target`.
    func run<Value>(
        target: String, describedAs: Logger.Metadata? = nil, makeRequest: () async throws -> TransportRequest,
        interpret: (TransportResponse) async throws -> Verdict<Value>
    ) async throws -> Value {
        var attempt = 0
        while true {
            attempt += 1
            let request = try await makeRequest()  // outside the retry: see above
            let verdict: Verdict<Value>
            do {
                verdict = try await interpret(try await transport.send(request, target: target))
            } catch let error as SinchAPIError where error.kind == .transport || error.kind == .timedOut {
                verdict = .retry(error, retryAfter: nil)
            }
            switch verdict {
            case .done(let value):
                return value
            case .fail(let error):
                throw error
            case .resend:
                attempt -= 1
            case .retry(let error, let retryAfter):
                guard attempt < maxAttempts else { throw error }
                let delay = policy.delay(afterAttempt: attempt, retryAfter: retryAfter)
                counters.record { $0.retries += 1 }
                // One short line: the request once (by scope and page when the caller named them), the attempt
                // of how many, the wait in whole milliseconds.
                let milliseconds = Int(
                    (Double(delay.components.seconds) * 1_000 + Double(delay.components.attoseconds) / 1e15)
                        .rounded())
                var metadata = describedAs ?? ["request": "\(ServerText.sanitize(target, limit: 300))"]
                metadata["attempt"] = "\(attempt)/\(maxAttempts)"
                metadata["reason"] = "\(ServerText.sanitize(error.reason, limit: 200))"
                metadata["delay_ms"] = .stringConvertible(milliseconds)
                if let status = error.statusCode { metadata["status"] = .stringConvertible(status) }
                logger.log(level: retryLogLevel, "retrying after a transient failure", metadata: metadata)
                try await Task.sleep(for: delay)
            }
        }
    }

    /// `Retry-After` of an answer, in seconds or as an HTTP date.
    static func retryAfter(_ response: TransportResponse) -> Duration? {
        response.values(forHeader: "Retry-After").first.flatMap { RetryPolicy.parseRetryAfter($0) }
    }
}

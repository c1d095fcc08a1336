import Foundation

/// Exponential backoff with full jitter, honouring `Retry-After` up to a cap.
public struct RetryPolicy: Sendable, Hashable {
    /// The ceiling of the first delay; it doubles with each attempt.
    public var initialDelay: Duration = .milliseconds(250)
    /// No computed delay exceeds this.
    public var maximumDelay: Duration = .seconds(20)
    /// A server's `Retry-After` is followed up to this long.
    public var retryAfterCap: Duration = .seconds(60)

    /// HTTP statuses worth another attempt: rate limited, or a server or gateway fault.
    package static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// A policy; the defaults suit Sinch's API.
    public init(
        initialDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(20),
        retryAfterCap: Duration = .seconds(60)
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.retryAfterCap = retryAfterCap
    }

    /// The pause before attempt `attempt + 1`, after `attempt` (1-based) failed.
    package func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), retryAfterCap) }
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(initialDelay * (1 << exponent), maximumDelay)
        return .seconds(Double.random(in: 0...ceiling.inSeconds))
    }

    /// Reads `Retry-After` as delay-seconds or as an HTTP date.
    package static func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return .seconds(max(seconds, 0)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .seconds(max(date.timeIntervalSince(now), 0))
    }
}

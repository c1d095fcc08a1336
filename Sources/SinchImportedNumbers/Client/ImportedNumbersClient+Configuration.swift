import Foundation
import Logging

extension ImportedNumbersClient {
    /// Settings of the client. Every key has a default that suits Sinch's production API.
    public struct Configuration: Sendable {
        /// Base URL of the API, without a trailing slash. `http://` is refused unless the host is loopback.
        public var baseURL: String = "https://imported.numbers.api.sinch.com"
        /// The OAuth2 token endpoint.
        public var tokenURL: String = "https://auth.sinch.com/oauth2/token"
        /// OAuth2 (default) or HTTP Basic.
        public var authentication: AuthenticationMode = .oauth2
        /// The longest one request may take, from sending to the last byte of the body.
        public var requestTimeout: Duration = .seconds(30)
        /// Bodies larger than this are refused (a 1,000-number page is about 1.5 MB).
        public var maxResponseBytes: Int = 64 << 20
        /// Attempts per request on 429, 5xx, connection faults and timeouts (1 = no retry).
        public var maxAttempts: Int = 5
        /// A scope with more pages than this is stopped with ``SinchAPIError/Kind/tooManyPages``.
        public var maxPagesPerScope: Int = 100_000
        /// The backoff between attempts.
        public var retryPolicy: RetryPolicy = RetryPolicy()
        /// A token is refreshed this long before it expires.
        public var tokenRefreshMargin: Duration = .seconds(60)
        /// After the token endpoint could not be reached (connection failures or timeouts through a whole
        /// retry budget), further requests fail at once with that error for this long, instead of each
        /// spending a budget of their own on an endpoint that is down.
        public var tokenEndpointFailureMemory: Duration = .seconds(120)
        /// Sent as `User-Agent`; an application puts its own name and version here.
        public var userAgent: String = "sinch-imported-numbers-swift/\(SDKVersion.current)"
        /// The level of the line logged before each retry. `debug`, as a library should: a retried request that
        /// then succeeds is no news to the application. An application that wants retries in its operational log
        /// raises it.
        public var retryLogLevel: Logger.Level = .debug

        /// The defaults: Sinch's production hosts, OAuth2, 5 attempts, a 30 s request timeout.
        public init() {}

        /// The longest ``requestTimeout`` accepted: an hour.
        public static let maximumRequestTimeout: Duration = .seconds(3600)

        /// Checks the URLs (absolute, `https`, or `http` to a loopback host only), the attempts and the
        /// request timeout (more than 0, at most ``maximumRequestTimeout``).
        public func validate() throws(ConfigurationProblem) {
            try Self.checkURL(baseURL, key: "baseURL")
            if authentication == .oauth2 { try Self.checkURL(tokenURL, key: "tokenURL") }
            if maxAttempts < 1 { throw ConfigurationProblem(key: "maxAttempts", problem: "must be at least 1") }
            guard requestTimeout > .zero, requestTimeout <= Self.maximumRequestTimeout else {
                throw ConfigurationProblem(
                    key: "requestTimeoutSeconds",
                    problem: "must be more than 0 and at most 3600 seconds, not \(requestTimeout.inSeconds)")
            }
        }

        /// Refuses URLs that are not absolute `https`, or `http` to a loopback host.
        package static func checkURL(_ text: String, key: String) throws(ConfigurationProblem) {
            guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
                let host = components.host, !host.isEmpty
            else { throw ConfigurationProblem(key: key, problem: "not an absolute URL: \(text)") }
            guard components.user == nil, components.password == nil else {
                throw ConfigurationProblem(key: key, problem: "must not carry credentials; use the environment")
            }
            switch scheme {
            case "https": return
            case "http":
                guard isLoopback(host) else {
                    throw ConfigurationProblem(
                        key: key, problem: "plain http:// is only allowed to a loopback host, not \(host); use https://"
                    )
                }
            default:
                throw ConfigurationProblem(key: key, problem: "unsupported scheme \(scheme); use https://")
            }
        }

        /// `localhost`, `127.0.0.0/8` or `::1`.
        package static func isLoopback(_ host: String) -> Bool {
            let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if host == "localhost" || host == "::1" { return true }
            let parts = host.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
        }
    }

    /// A setting the client cannot work with.
    public struct ConfigurationProblem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The configuration key, e.g. `baseURL`.
        public var key: String
        /// What is wrong with it.
        public var problem: String
        /// A problem with the setting `key`.
        package init(key: String, problem: String) {
            self.key = key
            self.problem = problem
        }
        /// `key: problem`.
        public var description: String { "\(key): \(problem)" }
    }
}

import Foundation
import Logging
import SinchImportedNumbers

extension ReportConfiguration {
    /// The access key of `api`: from `api.keyIdFile` / `api.keySecretFile` when given, else from the
    /// environment variables `api.keyIdEnv` / `api.keySecretEnv`.
    /// - Parameter file: the config file: errors name it, and relative key files are read beside it unless
    ///   `$CREDENTIALS_DIRECTORY` is set in `environment`.
    /// - Throws: ``ConfigurationError`` naming the key path and the variable or file when one is unset, empty
    ///   or unreadable (never its content).
    public func credentials(
        environment: [String: String] = ProcessInfo.processInfo.environment, file: String
    ) throws -> Credentials {
        try AccessKeyReader(environment: environment, configFile: file).read(api.keySource, path: "api")
    }

    /// The access key of every scope, in config order: its own (`scopes[i].keyIdEnv` …) or `api`'s. Every key is
    /// read before any request, so that a missing one stops the run before it starts; `api`'s only when a scope
    /// uses it.
    /// - Throws: ``ConfigurationError`` as ``credentials(environment:file:)``, naming the scope's key path.
    public func scopeKeys(
        environment: [String: String] = ProcessInfo.processInfo.environment, file: String
    ) throws -> [ScopeAccessKey] {
        let reader = AccessKeyReader(environment: environment, configFile: file)
        var shared: ScopeAccessKey?
        return try scopes.enumerated().map { index, scope in
            if let source = scope.key {
                let path = "scopes[\(index)]"
                return ScopeAccessKey(
                    credentials: try reader.read(source, path: path), origin: "\(path) (\(source.description))")
            }
            if let shared { return shared }
            let key = ScopeAccessKey(
                credentials: try reader.read(api.keySource, path: "api"), origin: "api (\(api.keySource.description))")
            shared = key
            return key
        }
    }

    /// The client settings this config asks for.
    public var clientConfiguration: ImportedNumbersClient.Configuration {
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = api.baseURL
        configuration.tokenURL = api.tokenURL
        configuration.authentication = api.auth
        // Clamped so that the conversion cannot trap; the client refuses more than an hour with a clear message.
        configuration.requestTimeout = .milliseconds(Int64(min(max(api.requestTimeoutSeconds, 0), 86_400) * 1000))
        configuration.maxAttempts = api.maxAttempts
        configuration.maxPagesPerScope = api.maxPagesPerScope
        configuration.userAgent = "numbers-report/\(ToolVersion.current)"
        // Retries belong in the night's operational log (the client logs them at debug by default).
        configuration.retryLogLevel = .notice
        return configuration
    }
}

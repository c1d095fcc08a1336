import Foundation
import Logging
import SinchImportedNumbers

extension ReportConfiguration {
    /// The access key from the environment variables the config names.
    /// - Throws: ``ConfigurationError`` naming the key and the variable when one is unset or empty.
    public func credentials(
        environment: [String: String] = ProcessInfo.processInfo.environment, file: String
    ) throws -> Credentials {
        for (key, variable) in [("api.keyIdEnv", api.keyIdEnv), ("api.keySecretEnv", api.keySecretEnv)] {
            guard let value = environment[variable], !value.isEmpty else {
                throw ConfigurationError(
                    file: file, path: key,
                    problem: "the environment variable \(variable) is not set; export it with the Sinch access key")
            }
        }
        return Credentials(keyID: environment[api.keyIdEnv]!, keySecret: environment[api.keySecretEnv]!)
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

import Foundation

/// A Sinch access key: the key id and key secret, used for HTTP Basic or to obtain OAuth2 tokens.
///
/// The secret never appears in ``description`` or in any error. Two values are equal when both the id and the
/// secret are: the same access key (``withImportedNumbersClients(configuration:credentials:transport:logger:isolation:_:)``
/// gives them one client).
public struct Credentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key id.
    public var keyID: String
    /// The access key secret. Never logged.
    public var keySecret: String

    /// An access key from its id and secret.
    public init(keyID: String, keySecret: String) {
        self.keyID = keyID
        self.keySecret = keySecret
    }

    /// Reads the key from two environment variables (by default `SINCH_KEY_ID` / `SINCH_KEY_SECRET`).
    /// - Throws: ``SinchAPIError/Kind/credentialsMissing`` naming the first variable that is unset or empty.
    public static func fromEnvironment(
        keyIDVariable: String = "SINCH_KEY_ID", keySecretVariable: String = "SINCH_KEY_SECRET",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SinchAPIError) -> Credentials {
        guard let keyID = environment[keyIDVariable], !keyID.isEmpty else {
            throw .credentialsMissing(variable: keyIDVariable)
        }
        guard let keySecret = environment[keySecretVariable], !keySecret.isEmpty else {
            throw .credentialsMissing(variable: keySecretVariable)
        }
        return Credentials(keyID: keyID, keySecret: keySecret)
    }

    /// The value of an `Authorization: Basic …` header.
    var basicAuthorization: String {
        "Basic " + Data("\(keyID):\(keySecret)".utf8).base64EncodedString()
    }

    /// The key id, with the secret redacted.
    public var description: String { "Credentials(keyID: \(keyID), keySecret: <redacted>)" }
}

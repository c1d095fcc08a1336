import Foundation
import Hummingbird

extension FakeSinchAPIHandler {
    /// How a request proved who it is, and the access key it speaks for.
    struct Credential: Sendable, Equatable {
        enum Method: Sendable, Equatable {
            case basic
            case bearer
        }
        var method: Method
        /// The id of the key (given with Basic, or the one the token was issued to).
        var keyID: String
    }

    /// The id of the configured key (the default one or a project's) a request's HTTP Basic names, if any.
    func validBasicKeyID(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], let parts = Self.split(header), parts.scheme == "basic"
        else { return nil }
        return configuredKeyID(Self.decodeBasic(parts.value))
    }

    /// Whether the key `keyID` opens `projectId`: a project with a key of its own
    /// (``FakeSinchAPIConfiguration/projectKeys``) only to it, any other project only to the default key.
    func keyOpens(_ keyID: String, projectId: String) -> Bool {
        (configuration.projectKeys[projectId]?.keyID ?? configuration.keyID) == keyID
    }

    /// Authenticates a list request: a live bearer token issued here, or HTTP Basic.
    func authenticate(_ request: Request) -> Result<Credential, FakeErrorResponse> {
        let bearerChallenge = "Bearer realm=\"sinch\""
        guard let header = request.headers[.authorization], let parts = Self.split(header) else {
            return .failure(
                .unauthenticated("Request is missing required authentication credential", challenge: bearerChallenge)
            )
        }
        switch parts.scheme {
        case "basic":
            guard let keyID = configuredKeyID(Self.decodeBasic(parts.value)) else {
                return .failure(.unauthenticated("Invalid key id or key secret", challenge: "Basic realm=\"sinch\""))
            }
            return .success(Credential(method: .basic, keyID: keyID))
        case "bearer":
            switch tokens.verdict(for: parts.value) {
            case .valid(let keyID):
                return .success(Credential(method: .bearer, keyID: keyID))
            case .expired(let expiry):
                let at = FakeTimestamp.string(
                    micros: Int64((expiry.timeIntervalSince1970 * 1_000_000).rounded()), fractional: false
                )
                return .failure(
                    .unauthenticated(
                        "Jwt expired at \(at)",
                        challenge: "Bearer error=\"invalid_token\", error_description=\"Jwt expired at \(at)\""
                    )
                )
            case .unknown:
                return .failure(
                    .unauthenticated(
                        "Invalid access token",
                        challenge: "Bearer error=\"invalid_token\", error_description=\"Invalid access token\""
                    )
                )
            }
        default:
            return .failure(.unauthenticated("Unsupported authorization scheme", challenge: bearerChallenge))
        }
    }

    /// The key's id when id and secret are the default key's or a project key's.
    private func configuredKeyID(_ key: (id: String, secret: String)?) -> String? {
        guard let key else { return nil }
        let known =
            [FakeAccessKey(keyID: configuration.keyID, keySecret: configuration.keySecret)]
            + configuration.projectKeys.values
        return known.contains(FakeAccessKey(keyID: key.id, keySecret: key.secret)) ? key.id : nil
    }

    /// `"Basic abc"` → `("basic", "abc")`: the scheme lower-cased, the credentials trimmed.
    private static func split(_ header: String) -> (scheme: String, value: String)? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let value = trimmed[space...].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        return (trimmed[..<space].lowercased(), value)
    }

    private static func decodeBasic(_ value: String) -> (id: String, secret: String)? {
        guard let data = Data(base64Encoded: value), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

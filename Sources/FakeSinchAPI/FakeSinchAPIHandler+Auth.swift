import Foundation
import Hummingbird

extension FakeSinchAPIHandler {
    /// How a request proved who it is.
    enum Credential: Sendable, Equatable {
        case basic
        case bearer
    }

    /// Checks HTTP Basic key id / secret.
    func hasValidBasic(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], let parts = Self.split(header), parts.scheme == "basic"
        else { return false }
        return isConfiguredKey(Self.decodeBasic(parts.value))
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
            guard isConfiguredKey(Self.decodeBasic(parts.value)) else {
                return .failure(.unauthenticated("Invalid key id or key secret", challenge: "Basic realm=\"sinch\""))
            }
            return .success(.basic)
        case "bearer":
            switch tokens.verdict(for: parts.value) {
            case .valid:
                return .success(.bearer)
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

    private func isConfiguredKey(_ key: (id: String, secret: String)?) -> Bool {
        guard let key else { return false }
        return key.id == configuration.keyID && key.secret == configuration.keySecret
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

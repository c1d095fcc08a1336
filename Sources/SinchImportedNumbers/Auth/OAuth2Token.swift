import Foundation

/// An access token from the OAuth2 token endpoint and when it stops being usable.
struct OAuth2Token: Sendable {
    /// The bearer token. Never logged.
    var accessToken: String
    var expiresAt: Date

    /// The answer of `POST /oauth2/token`.
    struct Answer: Decodable {
        var accessToken: String
        var tokenType: String?
        var expiresIn: Int?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
            case expiresIn = "expires_in"
        }
    }
}

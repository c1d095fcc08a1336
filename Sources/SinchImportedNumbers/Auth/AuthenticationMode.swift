/// How requests to the API are authenticated.
public enum AuthenticationMode: String, Sendable, CaseIterable, Codable {
    /// OAuth2 client credentials: a bearer token from the token endpoint, shared and refreshed. The default.
    case oauth2
    /// HTTP Basic with the key id and secret on every request ("heavily rate limited" by Sinch).
    case basic
}

import SinchImportedNumbers

/// The access key a scope uses, and where it was read: the config's key path and the variables or files it names
/// (never the secret), for messages about the key.
public struct ScopeAccessKey: Sendable, Hashable {
    /// The key id and secret.
    public var credentials: Credentials
    /// `api (SINCH_KEY_ID / SINCH_KEY_SECRET)` or `scopes[1] (files retail.id / retail.secret)`.
    public var origin: String

    public init(credentials: Credentials, origin: String) {
        self.credentials = credentials
        self.origin = origin
    }
}

/// An access key the fake accepts: a key id and its secret.
///
/// Sinch keys belong to one project; ``FakeSinchAPIConfiguration/projectKeys`` gives a project a key of its own.
public struct FakeAccessKey: Sendable, Hashable {
    /// The key id (the Basic user name).
    public var keyID: String
    /// The key secret (the Basic password).
    public var keySecret: String

    /// A key from its id and secret.
    public init(keyID: String, keySecret: String) {
        self.keyID = keyID
        self.keySecret = keySecret
    }
}

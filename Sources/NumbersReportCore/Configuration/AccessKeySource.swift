/// Where an access key is read from: two environment variables, or two files. The config holds only these
/// names, never the key itself.
public enum AccessKeySource: Sendable, Hashable, Codable {
    /// `keyIdEnv` / `keySecretEnv`: the environment variables holding the key id and the key secret.
    case environment(keyIdEnv: String, keySecretEnv: String)
    /// `keyIdFile` / `keySecretFile`: files holding the key id and the key secret (a trailing newline is
    /// dropped). A relative path is read relative to `$CREDENTIALS_DIRECTORY` when it is set (systemd's
    /// `LoadCredential=`), else relative to the config file's directory.
    case files(keyIdFile: String, keySecretFile: String)

    /// `RETAIL_KEY_ID / RETAIL_KEY_SECRET`, or `files retail.id / retail.secret`: for messages.
    public var description: String {
        switch self {
        case .environment(let id, let secret): "\(id) / \(secret)"
        case .files(let id, let secret): "files \(id) / \(secret)"
        }
    }
}

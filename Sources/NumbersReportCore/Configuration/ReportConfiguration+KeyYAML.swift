import Yams

extension ReportConfiguration {
    /// The keys that name an access key, in `api` and in each scope.
    static let keyNames = ["keyIdEnv", "keySecretEnv", "keyIdFile", "keySecretFile"]

    /// The access key names of a mapping (`api` or a scope): environment variables or files, never both.
    struct KeyNames {
        var keyIdEnv: String?
        var keySecretEnv: String?
        var keyIdFile: String?
        var keySecretFile: String?
    }

    /// Reads ``keyNames`` out of `entries` (the mapping at `path`). A file must come with its partner
    /// (`keyIdFile` with `keySecretFile`); with `pairedEnvironment` (a scope, which has no default variables)
    /// so must a variable. Variables and files for the same key are refused.
    static func readKeyNames(
        _ entries: [String: Node], _ path: String, _ node: Node, _ reader: ConfigurationReader,
        pairedEnvironment: Bool
    ) throws -> KeyNames {
        var names = KeyNames()
        if let value = entries["keyIdEnv"] { names.keyIdEnv = try reader.identifier(value, "\(path).keyIdEnv") }
        if let value = entries["keySecretEnv"] {
            names.keySecretEnv = try reader.identifier(value, "\(path).keySecretEnv")
        }
        if let value = entries["keyIdFile"] { names.keyIdFile = try reader.identifier(value, "\(path).keyIdFile") }
        if let value = entries["keySecretFile"] {
            names.keySecretFile = try reader.identifier(value, "\(path).keySecretFile")
        }
        let environment = names.keyIdEnv != nil || names.keySecretEnv != nil
        let files = names.keyIdFile != nil || names.keySecretFile != nil
        if environment, files {
            let key = names.keyIdFile != nil ? "keyIdFile" : "keySecretFile"
            throw reader.error(
                entries[key], "\(path).\(key)",
                "give either keyIdEnv/keySecretEnv or keyIdFile/keySecretFile for one access key, not both")
        }
        var pairs = [("keyIdFile", "keySecretFile")]
        if pairedEnvironment { pairs.append(("keyIdEnv", "keySecretEnv")) }
        for (first, second) in pairs {
            switch (entries[first], entries[second]) {
            case (.some, nil):
                throw reader.error(node, "\(path).\(second)", "missing (\(first) is given; an access key needs both)")
            case (nil, .some):
                throw reader.error(node, "\(path).\(first)", "missing (\(second) is given; an access key needs both)")
            default: break
            }
        }
        return names
    }

    /// A scope's own key, if it names one.
    static func readScopeKey(
        _ entries: [String: Node], _ path: String, _ node: Node, _ reader: ConfigurationReader
    ) throws -> AccessKeySource? {
        let names = try readKeyNames(entries, path, node, reader, pairedEnvironment: true)
        if let id = names.keyIdEnv, let secret = names.keySecretEnv {
            return .environment(keyIdEnv: id, keySecretEnv: secret)
        }
        if let id = names.keyIdFile, let secret = names.keySecretFile {
            return .files(keyIdFile: id, keySecretFile: secret)
        }
        return nil
    }
}

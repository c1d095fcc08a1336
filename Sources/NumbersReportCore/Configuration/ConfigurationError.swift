/// A config file the tool refuses, naming the file, the line, the key path and what is wrong:
/// `nightly.yaml:14: scopes[2].campaignId: missing`.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The config file as given (or `<embedded demo>`).
    public var file: String
    /// 1-based line of the offending node, when known.
    public var line: Int?
    /// The key path, e.g. `scopes[2].campaignId`; empty for the whole document.
    public var path: String
    public var problem: String

    public init(file: String, line: Int? = nil, path: String, problem: String) {
        self.file = file
        self.line = line
        self.path = path
        self.problem = problem
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return path.isEmpty ? "\(place): \(problem)" : "\(place): \(path): \(problem)"
    }
}

/// A published snapshot: `OUTPUT/<UTC time>/`, a BagIt bag whose payload files are ``PayloadPath``s.
public struct SnapshotLocation: Sendable, Hashable, CustomStringConvertible {
    /// The snapshot's directory.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The snapshot `name` inside the output directory `directory`.
    public init(directory: String, name: String) {
        self.path = directory + "/" + name
    }

    /// Where `file` of this snapshot is.
    public func path(of file: PayloadPath) -> String { path + "/" + file.bagPath }

    /// The payload directory (`…/data`).
    public var payloadPath: String { path + "/" + PayloadPath.payloadDirectory }

    public var description: String { path }
}

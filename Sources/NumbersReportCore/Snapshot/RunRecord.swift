import Foundation

/// `data/raw/run.json`: what `render` needs besides the pages to rebuild the snapshot exactly — the
/// clock, the effective config (no secrets: only the names of the credential variables) and how
/// each scope ended.
public struct RunRecord: Sendable, Codable, Hashable {
    public var formatVersion = 1
    public var runId: String
    /// `yyyy-MM-ddTHH:mm:ssZ`.
    public var snapshotTime: String
    public var toolVersion: String
    public var configuration: ReportConfiguration
    /// The row format of the snapshot's rows; absent in snapshots made before format v2 (v1).
    public var rowFormat: RowFormat?
    /// One per configured scope, in config order.
    public var scopes: [Scope]

    /// How one scope ended.
    public struct Scope: Sendable, Codable, Hashable {
        public var pages: Int
        public var rows: Int
        public var totalSize: Int?
        public var failure: ScopeFailure?
    }

    /// Sorted keys, so that equal records give equal bytes.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [10]
    }

    /// The SHA-256 of the effective config, as written to `bag-info.txt`.
    static func configurationDigest(_ configuration: ReportConfiguration) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Hex.sha256(Array(try encoder.encode(configuration)))
    }
}

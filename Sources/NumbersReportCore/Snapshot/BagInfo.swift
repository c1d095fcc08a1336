import Foundation

/// The fields of `bag-info.txt`, in the order they are written.
public struct BagInfo: Sendable, Hashable {
    /// `yyyy-MM-dd` of the run's clock.
    public var baggingDate: String
    /// `<bytes>.<files>` of the payload.
    public var payloadOxum: String
    /// The run id.
    public var externalIdentifier: String
    public var sourceOrganization: String
    public var softwareAgent: String
    /// The run's clock, `yyyy-MM-ddTHH:mm:ssZ`.
    public var snapshotTime: String
    /// SHA-256 of the effective config without secrets (`data/raw/run.json`'s `configuration`).
    public var configSHA256: String
    public var runComplete: Bool
    /// SHA-256 of the previous snapshot's `tagmanifest-sha256.txt`, or `none` for the first.
    public var previousTagmanifestSHA256: String
    /// The row format of `numbers.csv` and `numbers.ndjson.gz` (`Row-Format-Version`); not written for v1,
    /// whose snapshots did not have the field.
    public var rowFormat: RowFormat = .current

    /// The file's text: `Label: value` lines.
    public var text: String {
        let rowFormatField = rowFormat == .v1 ? [] : [("Row-Format-Version", String(rowFormat.rawValue))]
        return
            ([
                ("Bagging-Date", baggingDate), ("Payload-Oxum", payloadOxum),
                ("External-Identifier", externalIdentifier),
                ("Source-Organization", sourceOrganization), ("Bag-Software-Agent", softwareAgent),
                ("Snapshot-Time", snapshotTime), ("Config-SHA256", configSHA256), ("Run-Complete", String(runComplete)),
                ("Previous-Tagmanifest-SHA256", previousTagmanifestSHA256),
            ] + rowFormatField).map { "\($0.0): \(BagInfo.oneLine($0.1))\n" }.joined()
    }

    /// Reads `Label: value` lines (continuation lines start with whitespace).
    public static func fields(of text: String) -> [String: String] {
        var fields: [String: String] = [:]
        var last: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == " " || line.first == "\t", let last {
                fields[last, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            last = key
        }
        return fields
    }

    private static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
    }
}

import Foundation
import ReportWriters

/// Writes changes as an aligned table (cells escaped: they hold API text), CSV or a JSON array — the columns of
/// ``SnapshotChange/columns`` — to standard output or an injected output.
public struct DiffOutput {
    /// The output format of `diff`.
    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    public var format: Format
    private let labels: ScopeLabels
    private let csv = SnapshotChange.csvEncoder
    private let json = NDJSONEncoder(keys: SnapshotChange.columnNames)
    private var rows: [SnapshotChange] = []
    private var count = 0
    private let output: (String) -> Void

    /// - Parameters:
    ///   - labels: the scopes' names (from the snapshots' run records).
    ///   - output: receives the text as it is made (standard output unless given).
    public init(
        format: Format, labels: ScopeLabels = ScopeLabels([]),
        output: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
    ) {
        self.format = format
        self.labels = labels
        self.output = output
        if format == .csv {
            var bytes: [UInt8] = []
            csv.appendHeader(SnapshotChange.columnNames, to: &bytes)
            write(String(decoding: bytes, as: UTF8.self))
        }
        if format == .json { write("[") }
    }

    /// One change: written at once in CSV and JSON, gathered for the table.
    public mutating func add(_ change: SnapshotChange) {
        defer { count += 1 }
        switch format {
        case .table:
            rows.append(change)
        case .csv:
            var bytes: [UInt8] = []
            csv.appendRecord(change.cells(labels: labels), to: &bytes)
            write(String(decoding: bytes, as: UTF8.self))
        case .json:
            var bytes: [UInt8] = []
            json.appendRecord(change.cells(labels: labels), to: &bytes)
            if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
            write((count == 0 ? "\n" : ",\n") + String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Ends the output: the table and its counts, or the JSON array's end.
    public func finish() {
        switch format {
        case .table:
            let header = ["change", "scope", "number", "health", "error codes"]
            let lines = rows.map { change in
                [
                    change.category.title,
                    labels.previousLabel(of: change).map { "\($0) → \(labels.label(of: change))" }
                        ?? labels.label(of: change),
                    change.phoneNumber, change.healthText,
                    change.oldErrorCodes == change.newErrorCodes
                        ? change.newErrorCodes.joined(separator: " ")
                        : "\(change.oldErrorCodes.joined(separator: " ")) → \(change.newErrorCodes.joined(separator: " "))",
                ]
            }
            write(TextTable.render([header] + lines) + "\n")
            let counts = Dictionary(grouping: rows, by: \.category).mapValues(\.count)
            write(
                "\(rows.count) \(rows.count == 1 ? "change" : "changes"): "
                    + SnapshotChange.Category.allCases.compactMap { category in
                        counts[category].map { "\($0) \(category.title.lowercased())" }
                    }.joined(separator: ", ") + "\n")
        case .csv:
            break
        case .json:
            write(count == 0 ? "]\n" : "\n]\n")
        }
    }

    private func write(_ text: String) { output(text) }
}

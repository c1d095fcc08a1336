import Foundation
import ReportWriters

/// Writes changes as an aligned table (cells escaped: they hold API text), CSV or a JSON array, to standard
/// output or an injected output.
public struct DiffOutput {
    /// The output format of `diff`.
    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    public var format: Format
    private let csv = CSVEncoder(excelSafe: true)
    private var rows: [SnapshotChange] = []
    private var count = 0

    static let csvHeader = [
        "change", "project_id", "scope_service_plan_id", "scope_campaign_id", "phone_number", "old_health",
        "new_health", "old_error_codes", "new_error_codes",
    ]

    private let output: (String) -> Void

    /// - Parameter output: receives the text as it is made (standard output unless given).
    public init(format: Format, output: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) })
    {
        self.format = format
        self.output = output
        if format == .csv {
            var bytes: [UInt8] = []
            csv.appendHeader(Self.csvHeader, to: &bytes)
            write(String(decoding: bytes, as: UTF8.self))
        }
        if format == .json { write("[") }
    }

    public mutating func add(_ change: SnapshotChange) {
        defer { count += 1 }
        switch format {
        case .table:
            rows.append(change)
        case .csv:
            var bytes: [UInt8] = []
            csv.appendRecord(
                [
                    .text(change.kind.rawValue), .text(change.projectId), .text(change.servicePlanId),
                    .text(change.campaignId), .text(change.phoneNumber), .optionalText(change.oldHealth?.name),
                    .optionalText(change.newHealth?.name), .list(change.oldErrorCodes.map(Cell.text)),
                    .list(change.newErrorCodes.map(Cell.text)),
                ], to: &bytes)
            write(String(decoding: bytes, as: UTF8.self))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(change)) ?? Data()
            write((count == 0 ? "\n" : ",\n") + String(decoding: data, as: UTF8.self))
        }
    }

    public func finish() {
        switch format {
        case .table:
            let header = ["change", "scope", "number", "health", "error codes"]
            let lines = rows.map { change in
                [
                    change.kind.rawValue, "\(change.servicePlanId)/\(change.campaignId)", change.phoneNumber,
                    change.transition,
                    change.oldErrorCodes == change.newErrorCodes
                        ? change.newErrorCodes.joined(separator: " ")
                        : "\(change.oldErrorCodes.joined(separator: " ")) → \(change.newErrorCodes.joined(separator: " "))",
                ]
            }
            write(TextTable.render([header] + lines) + "\n")
            let counts = Dictionary(grouping: rows, by: \.kind).mapValues(\.count)
            write(
                "\(rows.count) changes: "
                    + SnapshotChange.Kind.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
                    + "\n")
        case .csv:
            break
        case .json:
            write(count == 0 ? "]\n" : "\n]\n")
        }
    }

    private func write(_ text: String) { output(text) }
}

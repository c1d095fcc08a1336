import Foundation
import ReportWriters
import SinchImportedNumbers

/// Reads tonight's `numbers.ndjson.gz` back, one line at a time, and gives each row that is not HEALTHY
/// as the cells of the workbook's *Problems* sheet, in `numbers.csv`'s column order and order of rows.
///
/// Read back from the joined file rather than gathered as the scopes are fetched: the file is in config
/// order already, nothing is held but one line, and `render` (which publishes through the same stages)
/// gives the same sheet.
struct ProblemRowReader {
    let columns: [RowColumn]
    /// How list cells are joined, as in `numbers.csv`.
    let csvEncoder: CSVEncoder

    /// A HEALTHY row's health member, as the NDJSON writer spells it. Inside a JSON string the quotes
    /// would be escaped, so a line holding these bytes is a HEALTHY row.
    private static let healthyMember = Array("\"\(NumberRow.health.name)\":\"\(HealthLevel.healthy.name)\"".utf8)

    /// Calls `body` with the cells of every row whose health is not HEALTHY, in file order.
    func forEachProblem(in path: String, _ body: ([WorkbookCell]) throws -> Void) throws {
        let reader = try GzipReader(path: path)
        let decoder = JSONDecoder()
        // The lines as this tool writes them: the columns' names in order, read by the scanner.
        let keys = columns.map { Array($0.name.utf8) }
        let healthIndex = columns.firstIndex { $0.name == NumberRow.health.name } ?? 0
        while let line = try reader.nextLine() {
            guard !line.isEmpty, !Self.contains(line, Self.healthyMember) else { continue }
            if let values = FlatJSONScanner.values(of: line, keys: keys) {
                guard values[healthIndex] != .text(HealthLevel.healthy.name) else { continue }
                try body(zip(values, columns).map { cell($0, of: $1) })
                continue
            }
            let row = try decoder.decode([String: FlatJSONValue].self, from: Data(line))
            guard row[NumberRow.health.name] != .text(HealthLevel.healthy.name) else { continue }
            try body(columns.map { cell(row[$0.name] ?? .null, of: $0) })
        }
    }

    /// A value typed by its column: times as date cells (a time the API sent that is not RFC 3339 stays
    /// text), booleans, integers of integer columns as numbers, lists as in the CSV, the rest as text.
    func cell(_ value: FlatJSONValue, of column: RowColumn) -> WorkbookCell {
        switch (value, column.type) {
        // An empty text is a blank cell, as numbers.csv cannot tell it from an absent value either.
        case (.null, _), (.text(""), _): .empty
        case (.text(let text), .datetime):
            APITimestamp.parse(text).map { WorkbookCell.date(secondsSince1970: $0.timeIntervalSince1970) }
                ?? .text(text)
        case (.boolean(let flag), _): .boolean(flag)
        case (.integer(let number), .integer): .number(Double(number))
        case (.integer(let number), _): .text(String(number))
        case (.text(let text), _): .text(text)
        case (.list(let items), _): items.isEmpty ? .empty : .text(csvEncoder.listText(items.map(\.cell)))
        }
    }

    private static func contains(_ line: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard line.count >= pattern.count, let first = pattern.first else { return false }
        var index = 0
        while index <= line.count - pattern.count {
            if line[index] == first, line[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}

import Foundation

/// `datapackage.json`: a Frictionless Data Package describing `numbers.csv` with a Table Schema
/// (column types, the health enum, the phone number pattern), and `changes.csv` (row format v2 on).
struct DataPackageOutput: SnapshotOutput {
    let file = PayloadPath.dataPackage

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        try snapshot.writePayloadFile(
            file,
            try Self.bytes(
                bom: night.facts.results.configuration.output.csvByteOrderMark, format: night.facts.results.rowFormat))
    }

    static func bytes(bom: Bool, format: RowFormat) throws -> [UInt8] {
        let fields: [[String: Any]] = format.columns.map { column in
            var field: [String: Any] = ["name": column.name, "type": column.type.rawValue]
            if column.type == .boolean {
                field["trueValues"] = ["true"]
                field["falseValues"] = ["false"]
            }
            var constraints: [String: Any] = [:]
            if column.required { constraints["required"] = true }
            if let values = column.allowedValues { constraints["enum"] = values }
            if let pattern = column.pattern { constraints["pattern"] = pattern }
            if let format = column.format { field["format"] = format }
            if !constraints.isEmpty { field["constraints"] = constraints }
            if let description = column.description { field["description"] = description }
            return field
        }
        var package: [String: Any] = [
            "name": "sinch-imported-numbers-snapshot",
            "title": "Sinch imported numbers and their provisioning health",
            "profile": "tabular-data-package",
            "resources": [
                [
                    "name": "numbers", "path": PayloadPath.numbersCSV.relativePath, "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv", "encoding": bom ? "utf-8-sig" : "utf-8",
                    "dialect": [
                        "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true,
                        "header": true,
                    ],
                    "schema": ["fields": fields, "missingValues": [""]],
                ] as [String: Any]
            ],
        ]
        // v1 packages did not record their format, nor had changes.csv; `render` rebuilds them as they were.
        if format != .v1 {
            package["rowFormatVersion"] = format.rawValue
            package["resources"] = (package["resources"] as? [[String: Any]] ?? []) + [changesResource(bom: bom)]
        }
        var bytes = [UInt8](
            try JSONSerialization.data(
                withJSONObject: package, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
        bytes.append(10)
        return bytes
    }

    /// `changes.csv`: every change since the previous night (only a header on a first night).
    private static func changesResource(bom: Bool) -> [String: Any] {
        let fields: [[String: Any]] = SnapshotChange.columns.map { column in
            var field: [String: Any] = [
                "name": column.name, "type": column.type.rawValue, "description": column.description,
            ]
            if column.type == .boolean {
                field["trueValues"] = ["true"]
                field["falseValues"] = ["false"]
            }
            return field
        }
        return [
            "name": "changes", "path": PayloadPath.changes.relativePath, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": bom ? "utf-8-sig" : "utf-8",
            "dialect": [
                "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true,
            ],
            "schema": ["fields": fields, "missingValues": [""]],
        ]
    }
}

import Foundation

/// `data/datapackage.json`: a Frictionless Data Package describing `numbers.csv` with a Table Schema
/// (column types, the health enum, the phone number pattern).
enum DataPackageFile {
    static func bytes(bom: Bool) throws -> [UInt8] {
        let integerColumns: Set = ["sched_status"]
        let booleanColumns: Set = ["sms_migrate_to_sinch_tmo"]
        let fields: [[String: Any]] = NumberRow.columnNames.map { name in
            var field: [String: Any] = ["name": name, "type": "string"]
            if booleanColumns.contains(name) {
                field["type"] = "boolean"
                field["trueValues"] = ["true"]
                field["falseValues"] = ["false"]
            } else if integerColumns.contains(name) {
                field["type"] = "string"
                field["description"] = "An undocumented integer code of the API, as received."
            }
            switch name {
            case "snapshot_time", "project_id", "scope_service_plan_id", "scope_campaign_id", "health":
                field["constraints"] = ["required": true]
            default: break
            }
            if name == "health" {
                field["constraints"] = ["required": true, "enum": HealthLevel.worstFirst.map(\.name)]
            }
            if name == "phone_number" {
                field["constraints"] = ["pattern": "\\+[1-9][0-9]{1,14}"]
                field["description"] = "E.164 as the API sent it."
            }
            if name == "sched_error_codes" || name == "health_reasons" {
                field["description"] = "A list, joined with ';'."
            }
            return field
        }
        let package: [String: Any] = [
            "name": "sinch-imported-numbers-snapshot",
            "title": "Sinch imported numbers and their provisioning health",
            "profile": "tabular-data-package",
            "resources": [
                [
                    "name": "numbers", "path": "numbers.csv", "profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv", "encoding": bom ? "utf-8-sig" : "utf-8",
                    "dialect": [
                        "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true,
                        "header": true,
                    ],
                    "schema": ["fields": fields, "missingValues": [""]],
                ] as [String: Any]
            ],
        ]
        var bytes = [UInt8](
            try JSONSerialization.data(
                withJSONObject: package, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
        bytes.append(10)
        return bytes
    }
}

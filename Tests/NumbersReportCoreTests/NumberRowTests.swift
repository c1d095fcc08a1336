import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers
import Testing

@Suite("the flat row")
struct NumberRowTests {
    static let fullRecordJSON = """
        {"phoneNumber":"+12065550100","projectId":"d1923022-5199-4bb3-a513-c47b3a656bc5","regionCode":"US",
         "displayName":"Store 1","callbackUrl":"https://hooks.example.com/1",
         "smsConfiguration":{"servicePlanId":"324e4567e89b12d3a456426614174000","campaignId":"C3O84GA",
           "migrateToSinchTmo":true,
           "scheduledProvisioning":{"servicePlanId":"sp2","campaignId":"CAMP2","status":2,
             "lastUpdatedTime":"2026-11-28T01:00:00.000001Z","errorCodes":[1001,"1002"]}},
         "mnoConfiguration":{
           "smsAtt":{"state":"DONE","errorCode":"","errorMessage":"","updateTime":"2026-11-28T01:00:01.1Z","operation":"PROVISIONING"},
           "smsTmo":{"state":"FAILED","errorCode":"60135","errorMessage":"migrate first","updateTime":"2026-11-28T01:00:02.2Z","operation":"PROVISIONING"},
           "mmsAtt":{"state":"IN_PROGRESS","errorCode":"","errorMessage":"","updateTime":"2026-11-28T01:00:03.3Z","operation":"DEPROVISIONING"},
           "mmsTmo":{"state":"WAITING","errorCode":"","errorMessage":"","updateTime":"2026-11-20T01:00:04.4Z","operation":"OPERATION_UNSPECIFIED"}},
         "smsProvisioning":{"serviceType":"SMS","serviceId":"324e4567e89b12d3a456426614174000","type":"PROVISIONING",
           "state":"DONE","updateTime":"2026-11-28T01:00:05.5Z","errorMessage":"","errorCode":""},
         "campaignProvisioning":{"serviceType":"CAMPAIGN","serviceId":"C3O84GA","type":"DEPROVISIONING",
           "state":"DONE","updateTime":"2026-11-28T01:00:06.6Z","errorMessage":"","errorCode":""}}
        """

    private func row(_ json: String) throws -> NumberRow {
        let number = try JSONDecoder().decode(ImportedNumber.self, from: Data(json.utf8))
        let builder = RowBuilder(rules: HealthRules(clock: Fixtures.clock, staleAfterHours: 72))
        return builder.row(for: number, scope: Fixtures.scope)
    }

    @Test("57 columns (format v2), what people read first")
    func columns() {
        #expect(NumberRow.columnNames.count == 57)
        #expect(
            Array(NumberRow.columnNames.prefix(5)) == [
                "phone_number", "health", "sms_ready", "health_reasons", "pending_since",
            ])
        #expect(Array(NumberRow.columnNames[13...14]) == ["record_project_id", "record_error"])
        #expect(Set(NumberRow.columnNames).count == 57)
        #expect(RowFormat.v1.columnNames.count == 54)
        #expect(
            Set(RowFormat.v1.columnNames)
                == Set(NumberRow.columnNames).subtracting(["sms_ready", "record_project_id", "record_error"]))
    }

    @Test("every column's mapping from a record with every field set")
    func fullRecord() throws {
        let cells = try row(Self.fullRecordJSON).cells
        #expect(cells.count == 57)
        let byName = Dictionary(uniqueKeysWithValues: zip(NumberRow.columnNames, cells))
        let expected: [String: Cell] = [
            "snapshot_time": .text("2026-11-29T02:00:00Z"),
            "project_id": .text("d1923022-5199-4bb3-a513-c47b3a656bc5"),
            "scope_service_plan_id": .text("324e4567e89b12d3a456426614174000"),
            "scope_campaign_id": .text("C3O84GA"), "scope_label": .text("Retail alerts"),
            "phone_number": .text("+12065550100"), "region_code": .text("US"), "display_name": .text("Store 1"),
            "callback_url": .text("https://hooks.example.com/1"),
            "record_project_id": .text("d1923022-5199-4bb3-a513-c47b3a656bc5"), "record_error": .absent,
            "sms_service_plan_id": .text("324e4567e89b12d3a456426614174000"), "sms_campaign_id": .text("C3O84GA"),
            "sms_migrate_to_sinch_tmo": .boolean(true),
            "sched_service_plan_id": .text("sp2"), "sched_campaign_id": .text("CAMP2"), "sched_status": .integer(2),
            "sched_last_updated_time": .text("2026-11-28T01:00:00.000001Z"),
            "sched_error_codes": .list([.integer(1001), .integer(1002)]),
            "sms_att_state": .text("DONE"), "sms_att_operation": .text("PROVISIONING"), "sms_att_error_code": .text(""),
            "sms_att_error_message": .text(""), "sms_att_update_time": .text("2026-11-28T01:00:01.1Z"),
            "sms_tmo_state": .text("FAILED"), "sms_tmo_operation": .text("PROVISIONING"),
            "sms_tmo_error_code": .text("60135"), "sms_tmo_error_message": .text("migrate first"),
            "sms_tmo_update_time": .text("2026-11-28T01:00:02.2Z"),
            "mms_att_state": .text("IN_PROGRESS"), "mms_att_operation": .text("DEPROVISIONING"),
            "mms_att_error_code": .text(""), "mms_att_error_message": .text(""),
            "mms_att_update_time": .text("2026-11-28T01:00:03.3Z"),
            "mms_tmo_state": .text("WAITING"), "mms_tmo_operation": .text("OPERATION_UNSPECIFIED"),
            "mms_tmo_error_code": .text(""), "mms_tmo_error_message": .text(""),
            "mms_tmo_update_time": .text("2026-11-20T01:00:04.4Z"),
            "sms_prov_service_type": .text("SMS"), "sms_prov_service_id": .text("324e4567e89b12d3a456426614174000"),
            "sms_prov_type": .text("PROVISIONING"), "sms_prov_state": .text("DONE"),
            "sms_prov_update_time": .text("2026-11-28T01:00:05.5Z"), "sms_prov_error_code": .text(""),
            "sms_prov_error_message": .text(""),
            "campaign_prov_service_type": .text("CAMPAIGN"), "campaign_prov_service_id": .text("C3O84GA"),
            "campaign_prov_type": .text("DEPROVISIONING"), "campaign_prov_state": .text("DONE"),
            "campaign_prov_update_time": .text("2026-11-28T01:00:06.6Z"), "campaign_prov_error_code": .text(""),
            "campaign_prov_error_message": .text(""),
            "health": .text("FAILED"), "sms_ready": .boolean(false),
            "health_reasons": .list([
                .text("sms_tmo:FAILED:60135"), .text("sched:FAILED:1001"), .text("sched:FAILED:1002"),
                .text("mms_tmo:WAITING:216h"), .text("campaign_prov:DEPROVISIONING:DONE"),
                .text("migrate_to_sinch_tmo:sms_tmo:FAILED"), .text("unknown_operation:mms_tmo:OPERATION_UNSPECIFIED"),
                .text("mms_att:IN_PROGRESS:24h"), .text("sched:IN_PROGRESS:24h"),
            ]),
            "pending_since": .text("2026-11-20T01:00:04.4Z"),
        ]
        #expect(expected.count == 57)
        for name in NumberRow.columnNames {
            #expect(byName[name] == expected[name], "column \(name)")
        }
    }

    @Test("a record with every object missing gives absent cells, not a failure")
    func emptyRecord() throws {
        let cells = try row("{\"phoneNumber\":\"+12065550101\",\"surprise\":{\"new\":[1,2]}}").cells
        let byName = Dictionary(uniqueKeysWithValues: zip(NumberRow.columnNames, cells))
        let present: Set = [
            "snapshot_time", "project_id", "scope_service_plan_id", "scope_campaign_id", "scope_label", "phone_number",
            "health", "sms_ready", "health_reasons",
        ]
        for name in NumberRow.columnNames where !present.contains(name) {
            #expect(byName[name] == .absent, "column \(name)")
        }
        #expect(byName["health"] == .text("MISCONFIGURED"))
        #expect(byName["sms_ready"] == .boolean(false))
        #expect(
            byName["health_reasons"]
                == .list(
                    [
                        "missing_config:servicePlanId", "missing_config:campaignId", "absent:sms_att", "absent:sms_tmo",
                        "absent:sms_prov", "absent:campaign_prov",
                    ].map(Cell.text)))
    }

    @Test("CSV and NDJSON of a row: empty cells vs null, JSON types, lists")
    func encodings() throws {
        let cells = try row(Self.fullRecordJSON).cells
        var json: [UInt8] = []
        NDJSONEncoder(keys: NumberRow.columnNames).appendRecord(cells, to: &json)
        let object = try JSONSerialization.jsonObject(with: Data(json)) as! [String: Any]
        #expect(object["sms_migrate_to_sinch_tmo"] as? Bool == true)
        #expect(object["sched_status"] as? Int == 2)
        #expect(object["sched_error_codes"] as? [Int] == [1001, 1002])
        #expect((object["health_reasons"] as? [String])?.first == "sms_tmo:FAILED:60135")
        let line = String(decoding: json, as: UTF8.self)
        let positions = NumberRow.columnNames.map { line.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted(), "keys in contract order")
        var csv: [UInt8] = []
        CSVEncoder().appendRecord(cells, to: &csv)
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.hasPrefix("+12065550100,FAILED,false,sms_tmo:FAILED:60135;sched:FAILED:1001;sched:FAILED:1002;"))
        #expect(text.contains(",1001;1002,"))
        #expect(text.contains(";sched:IN_PROGRESS:24h,2026-11-20T01:00:04.4Z,2026-11-29T02:00:00Z,"))
    }
}

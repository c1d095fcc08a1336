import Foundation
import SinchImportedNumbers
import Testing

@Suite("decoding the API's JSON defensively")
struct DecodingTests {
    private func decode(_ json: String) throws -> ListImportedNumbersResponse {
        try JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(json.utf8))
    }

    @Test("unknown fields are ignored; unknown enum values are kept as received")
    func unknownValues() throws {
        let page = try decode(
            """
            {"importedNumbers":[{"phoneNumber":"+12065550100","etag":"x","mnoConfiguration":{
              "smsTmo":{"state":"SUSPENDED_BY_CARRIER","operation":"PORTING","errorCode":"","updateTime":"2026-01-01T00:00:00Z"},
              "mmsVzw":{"state":"DONE"}},
              "smsProvisioning":{"serviceType":"RCS","type":"MOVE","state":"DONE"}}],
             "nextPageToken":"","totalSize":1,"newTopLevel":[1]}
            """)
        let number = try #require(page.importedNumbers.first)
        #expect(number.mnoConfiguration?.smsTmo?.state?.rawValue == "SUSPENDED_BY_CARRIER")
        #expect(number.mnoConfiguration?.smsTmo?.state?.isDocumented == false)
        #expect(number.mnoConfiguration?.smsTmo?.operation?.rawValue == "PORTING")
        #expect(number.smsProvisioning?.serviceType?.rawValue == "RCS")
        #expect(number.smsProvisioning?.type?.rawValue == "MOVE")
        #expect(ProvisioningState.done.isDocumented)
        #expect(!page.hasNextPage)
    }

    @Test("missing objects, a missing array and a missing token decode as absent")
    func missingObjects() throws {
        let empty = try decode("{}")
        #expect(empty.importedNumbers.isEmpty)
        #expect(empty.nextPageToken == nil && empty.totalSize == nil && !empty.hasNextPage)
        let bare = try decode(#"{"importedNumbers":[{}, {"smsConfiguration":{}}], "nextPageToken":"abc"}"#)
        #expect(bare.importedNumbers.count == 2)
        #expect(bare.importedNumbers[0] == ImportedNumber())
        #expect(bare.importedNumbers[1].smsConfiguration == SmsConfiguration())
        #expect(bare.hasNextPage)
    }

    @Test("integer codes arrive as integers or strings; string fields may arrive as numbers")
    func lenientCodes() throws {
        let page = try decode(
            """
            {"importedNumbers":[{"smsConfiguration":{"scheduledProvisioning":{"status":"2","errorCodes":[1001,"1002","E7"]}},
              "mnoConfiguration":{"smsTmo":{"state":"FAILED","errorCode":60135}},
              "campaignProvisioning":{"errorCode":4001,"serviceId":12345}}],"totalSize":"1"}
            """)
        let number = try #require(page.importedNumbers.first)
        let scheduled = try #require(number.smsConfiguration?.scheduledProvisioning)
        #expect(scheduled.status == APICode(2))
        #expect(scheduled.status?.integerValue == 2)
        #expect(scheduled.errorCodes?.map(\.rawValue) == ["1001", "1002", "E7"])
        #expect(scheduled.errorCodes?.map(\.integerValue) == [1001, 1002, nil])
        #expect(number.mnoConfiguration?.smsTmo?.errorCode == "60135")
        #expect(number.campaignProvisioning?.errorCode == "4001")
        #expect(number.campaignProvisioning?.serviceId == "12345")
        #expect(page.totalSize == 1)
    }

    @Test("a record with a wrong type is rejected alone, with the path of the field; the others decode")
    func wrongType() throws {
        let page = try decode(
            #"{"importedNumbers":[{"phoneNumber":"+1"},{"phoneNumber":"+2","mnoConfiguration":{"smsAtt":{"state":7}}},"#
                + #"{"phoneNumber":"+3"}, 42, {"phoneNumber":["deep",[[[]]]]}],"nextPageToken":"t"}"#)
        #expect(page.importedNumbers.map(\.phoneNumber) == ["+1", "+3"])
        #expect(page.rejectedRecords.map(\.index) == [1, 3, 4])
        #expect(page.rejectedRecords[0].phoneNumber == "+2")
        #expect(page.rejectedRecords[0].reason.hasPrefix("importedNumbers[1].mnoConfiguration.smsAtt.state: "))
        #expect(page.rejectedRecords[1].reason.hasPrefix("importedNumbers[3]: "))
        #expect(page.hasNextPage)
    }

    @Test("a body that is not the documented object is an error naming where")
    func wrongShape() {
        #expect(throws: DecodingError.self) { try decode(#"{"importedNumbers":{"a":1}}"#) }
        #expect(throws: DecodingError.self) { try decode(#"{"importedNumbers":[{"phoneNumber":"+1"}"#) }
        #expect(throws: DecodingError.self) { try decode(#"[]"#) }
    }

    @Test(
        "error bodies in every shape the servers use",
        arguments: [
            (
                #"{"code":"400","message":"Invalid page token","status":"INVALID_ARGUMENT"}"#, "400",
                "Invalid page token", "INVALID_ARGUMENT"
            ),
            (
                #"{"error":{"code":404,"message":"Not found","status":"NOT_FOUND","details":[{"type":"x"}]}}"#, "404",
                "Not found", "NOT_FOUND"
            ),
            (
                #"{"error":"invalid_client","error_description":"Bad credentials"}"#, "invalid_client",
                "Bad credentials", nil
            ),
            (#"{"type":"https://x","title":"Too Many Requests","detail":"Slow down"}"#, nil, "Slow down", nil),
        ] as [(String, String?, String?, String?)])
    func errorBodies(json: String, code: String?, message: String?, status: String?) {
        let body = APIErrorBody.decode(from: Array(json.utf8))
        #expect(body?.code == code)
        #expect(body?.message == message)
        #expect(body?.status == status)
    }

    @Test("a body that is not an error body reads as none", arguments: ["", "<html>502</html>", "{}", "[1]"])
    func notAnErrorBody(text: String) {
        #expect(APIErrorBody.decode(from: Array(text.utf8)) == nil)
    }

    @Test("RFC 3339 times: fractions of any length, Z or an offset; anything else is nil")
    func timestamps() {
        let base = 1_743_623_128.0  // 2025-04-02T19:45:28Z
        #expect(APITimestamp.parse("2025-04-02T19:45:28Z")?.timeIntervalSince1970 == base)
        #expect(abs(APITimestamp.parse("2025-04-02T19:45:28.650924Z")!.timeIntervalSince1970 - base - 0.650924) < 1e-6)
        #expect(APITimestamp.parse("2025-04-02T21:45:28+02:00")?.timeIntervalSince1970 == base)
        #expect(APITimestamp.parse("2025-04-02 19:45:28z")?.timeIntervalSince1970 == base)
        #expect(APITimestamp.parse("1969-12-31T23:59:59Z")?.timeIntervalSince1970 == -1)
        for bad in [
            "", "2025-04-02", "2025-13-02T19:45:28Z", "2025-04-02T19:45:28", "2025-04-02T19:45:28.Z",
            "x025-04-02T19:45:28Z",
        ] {
            #expect(APITimestamp.parse(bad) == nil, "\(bad)")
        }
        #expect(APITimestamp.format(Date(timeIntervalSince1970: base + 0.9)) == "2025-04-02T19:45:28Z")
        #expect(APITimestamp.formatCompact(Date(timeIntervalSince1970: base)) == "2025-04-02T194528Z")
        #expect(APITimestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }
}

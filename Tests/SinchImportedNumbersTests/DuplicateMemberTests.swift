import Foundation
import Testing

@testable import SinchImportedNumbers

/// A member given twice is never resolved silently: `JSONDecoder` keeps one value, Python, jq and
/// JavaScript the other, and the archive must mean the same to every reader.
@Suite("duplicated JSON members")
struct DuplicateMemberTests {
    static let record = #"{"phoneNumber":"+12065550100","smsConfiguration":{"servicePlanId":"sp","campaignId":"C1"}}"#
    static let second = #"{"phoneNumber":"+12065550101","displayName":"two"}"#

    static func page(_ records: [String], tail: String = #","nextPageToken":"","totalSize":2"#) -> [UInt8] {
        Array(("{\"importedNumbers\":[" + records.joined(separator: ",") + "]" + tail + "}").utf8)
    }

    /// Record bodies with a duplicated member, and the member the rejection names.
    static let duplicatedRecords: [(record: String, member: String)] = [
        (#"{"phoneNumber":"+19999999999","phoneNumber":"+12065550100"}"#, "phoneNumber"),
        (#"{"phoneNumber":"+12065550100","phone\u004eumber":"+19999999999"}"#, "phoneNumber"),
        (
            #"{"phoneNumber":"+12065550100","mnoConfiguration":{"smsAtt":{"state":"DONE","state":"FAILED"}}}"#,
            "mnoConfiguration.smsAtt.state"
        ),
        (#"{"phoneNumber":"+12065550100","extra":{"a":1,"a":2}}"#, "extra.a"),
        (#"{"phoneNumber":"+12065550100","x":1,"x":1}"#, "x"),
        (#"{"phoneNumber":"+12065550100","list":[{"k":1},{"k":1,"k":2}]}"#, "list[1].k"),
    ]

    @Test("a record with a duplicated member at any depth is a rejected record naming it", arguments: 0..<6)
    func rejectedRecord(case index: Int) throws {
        let (record, member) = Self.duplicatedRecords[index]
        let body = Self.page([record, Self.second])
        let page = try ListImportedNumbersResponse.decode(from: body)
        #expect(page.importedNumbers.map(\.phoneNumber) == ["+12065550101"])
        #expect(page.rejectedRecords.count == 1)
        #expect(page.rejectedRecords.first?.index == 0)
        #expect(page.rejectedRecords.first?.reason == "duplicate member \"\(member)\"")
        #expect(page.rejectedRecords.first?.phoneNumber == (member == "phoneNumber" ? nil : "+12065550100"))
    }

    @Test(
        "a duplicated member outside the records makes the page invalid",
        arguments: [
            #","nextPageToken":"a","nextPageToken":"b""#, #","totalSize":2,"totalSize":3"#,
            #","meta":{"k":1,"k":2}"#,
        ])
    func invalidPage(tail: String) {
        let body = Self.page([Self.record], tail: tail)
        #expect(throws: DuplicateMemberError.self) { try ListImportedNumbersResponse.decode(from: body) }
    }

    @Test("the page-level member is named in the error")
    func pageMemberNamed() throws {
        let body = Self.page([Self.record], tail: #","nextPageToken":"","nextPageToken":"x""#)
        let error = #expect(throws: DuplicateMemberError.self) { try ListImportedNumbersResponse.decode(from: body) }
        #expect(error?.description == "duplicate member \"nextPageToken\"")
    }

    @Test("the fast decoder and the JSONDecoder path give the same page, with or without duplicates")
    func parity() throws {
        var bodies = Self.duplicatedRecords.map { Self.page([Self.second, $0.record, Self.record]) }
        bodies.append(Self.page([Self.record, Self.second]))
        bodies.append(FastPageDecoderTests.page(seed: 5, numbers: 200))
        bodies.append(Self.page([#"{"phoneNumber":"+12065550100","errorCodes":1,"errorCodes":1}"#]))
        for body in bodies {
            let viaDecode = try ListImportedNumbersResponse.decode(from: body)
            let viaJSONDecoder = try ListImportedNumbersResponse.decodeWithJSONDecoder(from: body)
            #expect(viaDecode == viaJSONDecoder)
            #expect(viaDecode.rejectedRecords == viaJSONDecoder.rejectedRecords)
            if let fast = FastPageDecoder.decode(body) {
                #expect(fast == viaJSONDecoder)
                #expect(DuplicateMemberScanner.scan(body) == .init(), "the fast decoder accepted a duplicate")
            }
        }
        #expect(FastPageDecoder.decode(Self.page([#"{"phoneNumber":"+1","x":{"y":1,"y":1}}"#])) == nil)
    }

    @Test("a page with a record rejected for a wrong type and another for a duplicate keeps both, in order")
    func mixedRejections() throws {
        let wrongType = #"{"phoneNumber":"+12065550102","smsConfiguration":"nope"}"#
        let body = Self.page([wrongType, Self.second, Self.duplicatedRecords[4].record, Self.record])
        let page = try ListImportedNumbersResponse.decode(from: body)
        #expect(page.rejectedRecords.map(\.index) == [0, 2])
        #expect(page.rejectedRecords.map(\.phoneNumber) == ["+12065550102", "+12065550100"])
        #expect(page.rejectedRecords[1].reason == "duplicate member \"x\"")
        #expect(page.importedNumbers.map(\.phoneNumber) == ["+12065550101", "+12065550100"])
    }
}

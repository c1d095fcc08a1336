import FakeSinchAPI
import Foundation
import Testing

@testable import SinchImportedNumbers

@Suite("the fast page decoder agrees with JSONDecoder")
struct FastPageDecoderTests {
    static func page(seed: UInt64, numbers: Int, demo: Bool = true) -> [UInt8] {
        FakeSinchAPI.pageBody(seed: seed, numbers: numbers, demoScopes: demo)
    }

    @Test(
        "every record of the generated data sets (all states, hostile text, unknown fields)",
        arguments: [1, 2, 3] as [UInt64])
    func generated(seed: UInt64) throws {
        let body = Self.page(seed: seed, numbers: 500)
        let reference = try JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(body))
        let fast = try #require(FastPageDecoder.decode(body), "the fast decoder gave up on the fake's data")
        #expect(fast.importedNumbers.count == reference.importedNumbers.count)
        #expect(fast == reference)
    }

    @Test("on 1,500 randomly damaged pages it gives up or agrees, never differs", arguments: [11, 12] as [UInt64])
    func damaged(seed: UInt64) throws {
        let original = Self.page(seed: 1, numbers: 12, demo: false)
        var generator = SeededRandomNumberGenerator(seed: seed)
        let replacements = Array("\"\\{}[],:0123456789-.eEtfnu \u{7F}".utf8) + [0x00, 0x0A, 0xC3, 0xFF, 0x80]
        var agreed = 0
        for _ in 0..<1_500 {
            var body = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                body[Int.random(in: 0..<body.count, using: &generator)] = replacements.randomElement(using: &generator)!
            }
            let reference = try? JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(body))
            guard let fast = FastPageDecoder.decode(body) else { continue }
            #expect(
                reference != nil,
                "accepted what JSONDecoder refuses: \(String(decoding: body.prefix(200), as: UTF8.self))")
            #expect(fast == reference)
            agreed += 1
        }
        #expect(agreed > 50)
    }

    @Test(
        "escapes, nulls, lenient codes and numbers",
        arguments: [
            #"{"importedNumbers":[{"displayName":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00\u0000","phoneNumber":null}]}"#,
            #"{"importedNumbers":[{"mnoConfiguration":{"smsTmo":{"errorCode":60135,"state":"X"}},"smsConfiguration":{"scheduledProvisioning":{"status":"2","errorCodes":[1,"2"]}}}],"totalSize":"3"}"#,
            #" { "importedNumbers" : null , "totalSize" : null } "#,
            #"{"importedNumbers":[{"smsConfiguration":{"migrateToSinchTmo":true}}],"extra":{"a":[1,{"b":null}],"c":-5}}"#,
        ])
    func corners(json: String) throws {
        let body = Array(json.utf8)
        let reference = try JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(body))
        #expect(FastPageDecoder.decode(body) == reference)
    }

    @Test(
        "what it leaves to JSONDecoder",
        arguments: [
            #"{"importedNumbers":[{"smsConfiguration":{"migrateToSinchTmo":"yes"}}]}"#,  // a rejected record
            #"{"totalSize":1.5}"#, #"{"importedNumbers":[],"importedNumbers":[]}"#, #"{"a":"\ud800"}"#, #"[]"#,
        ])
    func givesUp(json: String) {
        #expect(FastPageDecoder.decode(Array(json.utf8)) == nil)
    }

    @Test(
        "a record with 300,000 unknown members decodes in linear time, as the record it is",
        .timeLimit(.minutes(1)))
    func manyUnknownMembers() throws {
        var body = Array(#"{"importedNumbers":[{"phoneNumber":"+12065550100""#.utf8)
        for index in 0..<300_000 { body += Array(",\"a\(String(index + 1_000_000))\":0".utf8) }
        body += Array(#"}],"totalSize":1}"#.utf8)
        #expect(FastPageDecoder.decode(body) == nil, "the fast path hands such a page over")
        let page = try ListImportedNumbersResponse.decode(from: body)
        #expect(page.importedNumbers.map(\.phoneNumber) == ["+12065550100"])
        #expect(page.rejectedRecords.isEmpty)
    }

    @Test(
        "a byte to look at, wherever it stands in a string or a member name (the scan reads eight bytes at a time)",
        arguments: [#"\""#, #"\\"#, #"\u00e9"#, "é", "\u{7F}", "\u{1F}", "\u{0}", "😀", "x"])
    func specialAtEveryPlace(special: String) throws {
        for place in 0...20 {
            let text = String(repeating: "a", count: place) + special + String(repeating: "b", count: 20 - place)
            for json in [
                #"{"importedNumbers":[{"displayName":"\#(text)","phoneNumber":"+1"}]}"#,
                #"{"importedNumbers":[{"\#(text)":1,"phoneNumber":"+1"}]}"#,
            ] {
                let body = Array(json.utf8)
                let reference = try? JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(body))
                let fast = FastPageDecoder.decode(body)
                if special == "x" || special == "é" || special == "😀" || special.hasPrefix("\\") {
                    // Printable text and escapes: a page the fast path reads (a name with an escape it hands over).
                    if json.contains("displayName") { #expect(fast != nil, "\(json)") }
                }
                if let fast { #expect(fast == reference, "\(json)") }
                if reference == nil { #expect(fast == nil, "\(json)") }
            }
        }
    }
}

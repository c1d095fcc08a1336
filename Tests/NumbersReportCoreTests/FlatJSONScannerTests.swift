import Foundation
import Testing

@testable import NumbersReportCore

/// The workbook reads tonight's rows back with a scanner of its own instead of `JSONDecoder`: it must read every
/// line exactly as `JSONDecoder` does, or hand it back.
@Suite("the workbook's row scanner")
struct FlatJSONScannerTests {
    static let keys = ["phone_number", "health", "sms_ready", "health_reasons", "count", "note"]

    @Test(
        "reads what JSONDecoder reads: escapes, surrogate pairs, lists, integers, null, booleans",
        arguments: [
            #"{"phone_number":"+12065550100","health":"FAILED","sms_ready":false,"health_reasons":["a;b","c\\d"],"count":-42,"note":null}"#,
            #"{"phone_number":"+1","health":"REVIEW","sms_ready":true,"health_reasons":[],"count":0,"note":"q\"uote\/ \b\f\n\r\t \u00e9 \ud83d\ude00 \u202e é 😀"}"#,
            #"{"phone_number":null,"health":"HEALTHY","sms_ready":true,"health_reasons":[1,"x",null],"count":123456789012,"note":""}"#,
        ])
    func sameAsJSONDecoder(_ line: String) throws {
        let bytes = Array(line.utf8)
        let scanned = try #require(FlatJSONScanner.values(of: bytes, keys: Self.keys.map { Array($0.utf8) }))
        let decoded = try JSONDecoder().decode([String: FlatJSONValue].self, from: Data(bytes))
        #expect(scanned == Self.keys.map { decoded[$0] ?? .null })
    }

    @Test(
        "hands back what it does not read: other keys or order, a fraction, a lone surrogate, trailing bytes",
        arguments: [
            #"{"health":"FAILED","phone_number":"+1","sms_ready":false,"health_reasons":[],"count":1,"note":null}"#,
            #"{"phone_number":"+1","health":"FAILED","sms_ready":false,"health_reasons":[],"count":1.5,"note":null}"#,
            #"{"phone_number":"+1","health":"FAILED","sms_ready":false,"health_reasons":[],"count":1,"note":"\ud800"}"#,
            #"{"phone_number":"+1","health":"FAILED","sms_ready":false,"health_reasons":[],"count":1,"note":null} x"#,
            #"{"phone_number":"+1","health":"FAILED","sms_ready":false,"health_reasons":[],"count":1}"#,
        ])
    func handsBack(_ line: String) {
        #expect(FlatJSONScanner.values(of: Array(line.utf8), keys: Self.keys.map { Array($0.utf8) }) == nil)
    }
}

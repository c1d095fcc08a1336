import Testing

@testable import NumbersReportCore

/// Ids from the API and the config are the same when they differ only in case and dashes; ASCII ids are compared
/// byte by byte, any other text by its lower-cased form.
@Suite("ids compare without case and dashes")
struct IDComparisonTests {
    static let pairs: [(String, String, Bool)] = [
        ("C3O84GA", "C3O84GA", true), ("C3O84GA", "c3o84ga", true), ("c3o84ga", "C3O84GB", false),
        ("d1923022-5199-4bb3-a513-c47b3a656bc5", "D19230225199-4BB3A513C47B3A656BC5", true),
        ("d1923022-5199-4bb3-a513-c47b3a656bc5", "d1923022-5199-4bb3-a513-c47b3a656bc6", false),
        ("abc", "abcd", false), ("abcd", "abc", false), ("abc-", "abc", true), ("-", "", true), ("", "--", true),
        ("a", "", false), ("@[`{", "@[`{", true), ("@", "`", false), ("[", "{", false), ("Z", "z", true),
        ("ÉTÉ", "été", true), ("ÉTÉ", "ete", false), ("É-1", "é1", true), ("STRASSE", "straße", false),
        ("a-É", "A-é", true), ("x", "é", false), ("İ", "i̇", true),
    ]

    @Test("each pair as lower-casing without dashes says", arguments: pairs)
    func pair(left: String, right: String, same: Bool) {
        #expect(HealthRules.sameID(left, right) == same)
        #expect(HealthRules.sameID(right, left) == same)
        #expect(same == (HealthRules.canonicalID(left) == HealthRules.canonicalID(right)))
    }
}

import Foundation
import NumbersReportCore
import SinchImportedNumbers
import Testing

@Suite("reason catalog")
struct ReasonCatalogTests {
    @Test("every kind of finding the rules can emit has an entry", arguments: HealthReason.Kind.allCases)
    func everyKind(kind: HealthReason.Kind) {
        let entry = ReasonCatalog.kinds[kind]
        #expect(entry != nil, "no catalog entry for \(kind.rawValue)")
        #expect(!(entry?.meaning.isEmpty ?? true))
        #expect(!(entry?.nextStep.isEmpty ?? true))
    }

    @Test("every reason of the contract's cases finds its entry, by code where Sinch documents one")
    func everyCaseReason() {
        let rules = HealthRules(clock: Fixtures.clock, staleAfterHours: 72)
        for item in HealthCase.all {
            var number = Fixtures.healthyNumber()
            item.change(&number)
            for reason in rules.judge(number, scope: Fixtures.scope).reasons {
                _ = ReasonCatalog.entry(for: reason)  // traps when a kind has no entry
            }
        }
        let tmo = HealthReason(level: .failed, kind: .operationFailed, code: "sms_tmo:FAILED:60135", errorCode: "60135")
        #expect(ReasonCatalog.entry(for: tmo).nextStep.contains("previous aggregator"))
        let limit = HealthReason(
            level: .failed, kind: .scheduledFailed, code: "sched:FAILED:EXCEEDED_10DLC_LIMIT",
            errorCode: "EXCEEDED_10DLC_LIMIT")
        #expect(ReasonCatalog.entry(for: limit).actor == .customer)
    }

    @Test("every scheduled failure code Sinch lists has its own entry; links are http(s)")
    func failureCodes() {
        let listed = [
            "CAMPAIGN_EXPIRED", "CAMPAIGN_MNO_REJECTED", "CAMPAIGN_MNO_REVIEW", "CAMPAIGN_MNO_SUSPENDED",
            "CAMPAIGN_NOT_AVAILABLE", "CAMPAIGN_PENDING_ACCEPTANCE", "CAMPAIGN_PROVISIONING_FAILED",
            "EXCEEDED_10DLC_LIMIT", "INSUFFICIENT_BALANCE", "INTERNAL_ERROR", "INVALID_NNID", "MNO_SHARING_ERROR",
            "MOCK_CAMPAIGN_NOT_ALLOWED", "NUMBER_PROVISIONING_FAILED", "PARTNER_SERVICE_UNAVAILABLE",
            "SMS_PROVISIONING_FAILED", "TFN_NOT_ALLOWED",
        ]
        for code in listed { #expect(ReasonCatalog.codes[code] != nil, "\(code)") }
        for entry in Array(ReasonCatalog.kinds.values) + Array(ReasonCatalog.codes.values) {
            if let link = entry.link { #expect(link.hasPrefix("https://") || link.hasPrefix("http://")) }
        }
    }

    @Test("the README's glossary is the catalog's table")
    func readmeGlossary() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- glossary: generated from ReasonCatalog; do not edit by hand -->\n"
        let end = "<!-- end of glossary -->"
        let expected = ReasonCatalog.markdownGlossary
        guard let start = readme.range(of: begin),
            let stop = readme.range(of: end, range: start.upperBound..<readme.endIndex)
        else {
            Issue.record("README.md has no generated glossary; put this between the markers:\n\(expected)")
            return
        }
        let actual = String(readme[start.upperBound..<stop.lowerBound])
        if actual != expected, ProcessInfo.processInfo.environment["UPDATE_README_GLOSSARY"] == "1" {
            let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
            try updated.write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            return
        }
        #expect(
            actual == expected,
            "README.md's glossary is out of date: run UPDATE_README_GLOSSARY=1 swift test --filter ReasonCatalogTests")
    }
}

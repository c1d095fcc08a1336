import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// A phone shows the report and the email without scrolling sideways: measured by Chromium (headless, driven by
/// selenium and chromedriver), on a second night so that every section is there — causes, changes, recent nights.
@Suite("the report and the email at a phone's and a laptop's width")
struct ReportWidthTests {
    @Test("report.xhtml and the email's HTML part: scrollWidth ≤ innerWidth at 414 px and 1280 px")
    func noSidewaysScrolling() async throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try await RunHarness.with { harness in
            try await harness.run(clock: Fixtures.clock.addingTimeInterval(-86_400), into: output)
        }
        // The demo's third night: failures, recoveries, stale, added and removed numbers.
        let second = try await RunHarness.with(change: { $0.night = 2 }) { harness in
            try #require(try await harness.run(into: output).snapshotPath)
        }
        let report = try String(contentsOfFile: second + "/data/report.xhtml", encoding: .utf8)
        #expect(report.contains("summary=\"Changed numbers\"") && report.contains("id=\"actions\""))

        let result = try await runTool([
            "python3", OutsideTools.directory + "/check_width.py", "414,1280", second + "/data/report.xhtml",
            second + "/data/report.eml",
        ])
        #expect(result.status == 0, "\(String(decoding: result.output, as: UTF8.self))")
        let measured = try #require(
            try JSONSerialization.jsonObject(with: result.output) as? [String: [[String: Any]]])
        let pages = try #require(measured["pages"])
        #expect(pages.count == 4)
        for page in pages {
            let scroll = try #require(page["scrollWidth"] as? Int)
            let inner = try #require(page["innerWidth"] as? Int)
            #expect(
                scroll <= inner && inner == page["width"] as? Int,
                "\(page["file"] ?? "") at \(inner) px: \(scroll) px wide; past the edge: \(page["wide"] ?? "")")
        }
    }
}

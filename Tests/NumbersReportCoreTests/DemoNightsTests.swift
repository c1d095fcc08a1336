import Foundation
import Testing

/// `numbers-report demo --nights 3`, as a newcomer runs it (through `scripts/demo`): three nights published, the
/// last report showing what changed, the recent nights and what to do.
@Suite("the demo's nights")
struct DemoNightsTests {
    @Test("demo --nights 3: three snapshots a day apart; the third report has changes of several kinds and 3 bars")
    func threeNights() async throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try await ToolProcess.run([
            "demo", "--nights", "3", "--now", "2026-11-29T02:00:00Z", "--output", output, "--no-progress",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let snapshots = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            snapshots.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["2026-11-27T020000Z", "2026-11-28T020000Z", "2026-11-29T020000Z"])
        let third = try #require(snapshots.last)
        let report = try String(contentsOfFile: third + "/data/report.xhtml", encoding: .utf8)

        // Counts by category of change, from the "Changes by kind" table (`id="change-recovered">11<`).
        let pattern = try NSRegularExpression(pattern: #"id="change-([A-Za-z_-]+)">(\d+)<"#)
        var counts: [String: Int] = [:]
        for match in pattern.matches(in: report, range: NSRange(report.startIndex..., in: report)) {
            let kind = (report as NSString).substring(with: match.range(at: 1))
            counts[kind] = Int((report as NSString).substring(with: match.range(at: 2)))
        }
        #expect(counts["added", default: 0] > 0, "\(counts)")
        #expect(counts["removed", default: 0] > 0, "\(counts)")
        #expect(counts["cannot_send", default: 0] + counts["failed_or_stale", default: 0] > 0, "\(counts)")
        #expect(counts["recovered", default: 0] > 0, "\(counts)")
        // Transitions within the categories: new failures and stale numbers among them.
        #expect(report.range(of: #"→FAILED \d+"#, options: .regularExpression) != nil)
        #expect(report.range(of: #"→STALE \d+"#, options: .regularExpression) != nil)
        // One bar a night in "recent nights", and the causes to act on.
        #expect(report.components(separatedBy: "summary=\"Numbers by level, ").count - 1 == 3, "a bar a night")
        #expect(report.contains("id=\"actions\""))
    }

    @Test("a low soft limit on open files (the scratch files of a second night pass 40) does not stop a night")
    func lowOpenFileLimit() async throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // Before the tool raised its soft limit to the hard one: exit 3, "…: Too many open files" on night 2.
        let result = try await ToolProcess.runSystem([
            "sh", "-c", #"ulimit -Sn 40 && exec "$0" demo --nights 2 --output "$1" --no-progress"#,
            ToolProcess.executable, output,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.split(separator: "\n").count == 2)
    }

    @Test("demo --nights 0 is a usage error")
    func noNights() async throws {
        let result = try await ToolProcess.run(["demo", "--nights", "0", "--output", "/nonexistent/never-written"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--nights"))
    }
}

import Foundation
import Logging
@testable import NumbersReportCore
import ReportWriters
import Synchronization
import Testing

/// Text from the API, the config or a snapshot can carry CR/LF and escape codes; no human-facing line
/// may let it forge a line, clear the screen or move the cursor.
@Suite("control characters are escaped in every human-facing line")
struct ControlCharacterTests {
    static let hostile =
        "ok\r\n2026-11-29T02:00:00+0000 error numbers-report: [forged] credentials leaked\u{1B}[2J\u{1B}]0;x\u{07}\u{202E}\u{85}\u{2028}end"

    final class Capture: Sendable {
        let text = Mutex<String>("")
        func write(_ chunk: String) { text.withLock { $0 += chunk } }
    }

    /// No line break but the last, no ESC, BEL, C1 or line separator anywhere.
    private func expectInert(_ text: String, lines: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            text.split(separator: "\n", omittingEmptySubsequences: false).count == lines + 1, "\(text)",
            sourceLocation: sourceLocation)
        #expect(
            !text.contains("\r") && !text.contains("\u{1B}") && !text.contains("\u{07}"), sourceLocation: sourceLocation
        )
        #expect(
            !text.unicodeScalars.contains { [0x85, 0x2028, 0x202E].contains($0.value) }, sourceLocation: sourceLocation)
        #expect(text.contains(#"ok\r\n2026-11-29T02:00:00+0000 error"#), sourceLocation: sourceLocation)
        #expect(text.contains(#"\u{1B}[2J"#), sourceLocation: sourceLocation)
    }

    @Test("text log lines: message, metadata keys and values")
    func textLog() {
        let capture = Capture()
        let handler = TextLogHandler(label: "numbers-report", output: capture.write)
        let logger = Logger(label: "numbers-report") { _ in handler }
        logger.error("scope failed: \(Self.hostile)", metadata: ["error": "\(Self.hostile)", "a\nb": "c"])
        let text = capture.text.withLock { $0 }
        expectInert(text, lines: 1)
        #expect(text.contains(#"a\nb=c"#))
    }

    @Test("the terminal: a finished scope's line and the live lines")
    func terminal() {
        let capture = Capture()
        let progress = TerminalProgress(output: capture.write, redrawInterval: .zero)
        var scope = ScopeSettings(projectId: "p", servicePlanId: "s", campaignId: "c")
        scope.label = "Retail\u{1B}[2J"
        progress.handle(.scopeStarted(index: 0, scope: scope))
        var result = ScopeResult(scope: scope)
        result.error = ScopeFailure(kind: "httpStatus", status: 500, message: Self.hostile)
        progress.handle(.scopeFinished(index: 0, result: result))
        let text = capture.text.withLock { $0 }
        // The display's own cursor movements aside, no ESC reaches the terminal from the data.
        let withoutOwnCodes = text.replacingOccurrences(
            of: #"\x{1B}\[[0-9]+F\x{1B}\[J"#, with: "", options: .regularExpression)
        #expect(!withoutOwnCodes.contains("\u{1B}"), "\(withoutOwnCodes)")
        #expect(withoutOwnCodes.contains(#"Retail\u{1B}[2J"#))
        #expect(withoutOwnCodes.contains(#"ok\r\n2026-11-29T02:00:00+0000 error"#))
    }

    @Test("check's table and notes")
    func checkTable() {
        let scope = ScopeSettings(projectId: "p\r\nforged", servicePlanId: "s", campaignId: "c")
        let report = ConfigCheckReport(
            authorization: .failure(Self.hostile), scopes: [.init(scope: scope, answer: .failure(Self.hostile))])
        let text = report.table(pageSize: 50)
        #expect(!text.contains("\r") && !text.contains("\u{1B}"), "\(text)")
        #expect(text.contains(#"ok\r\n2026-11-29T02:00:00+0000 error"#))
    }

    @Test("diff's table")
    func diffTable() {
        let capture = Capture()
        var output = DiffOutput(format: .table, output: capture.write)
        output.add(
            SnapshotChange(
                kind: .health, projectId: "p", servicePlanId: "s\u{1B}[2J", campaignId: "c",
                phoneNumber: "+1206\r\n2026-11-29T02:00:00+0000 forged", oldHealth: .healthy, newHealth: .failed,
                oldErrorCodes: [], newErrorCodes: ["60135\u{07}"]))
        output.finish()
        let text = capture.text.withLock { $0 }
        #expect(text.split(separator: "\n").count == 4, "\(text)")  // header, rule, one change, the count
        #expect(!text.contains("\r") && !text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(text.contains(#"s\u{1B}[2J / c"#))
    }

    @Test("SafeText.line: escapes, cuts long text saying how much, leaves plain text alone")
    func safeLine() {
        #expect(SafeText.line("plain text · é 😀") == "plain text · é 😀")
        #expect(SafeText.line("a\tb\u{0}c\u{7F}d") == #"a\tb\u{0}c\u{7F}d"#)
        #expect(SafeText.line(String(repeating: "x", count: 30), limit: 10) == "xxxxxxxxxx… (20 more characters)")
    }
}

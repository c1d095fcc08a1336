import Foundation
import ReportWriters
import SinchImportedNumbers
import Synchronization

/// The live progress of a run on a terminal: one line per running scope (pages, rows of `totalSize`,
/// rate, ETA), redrawn in place at most every `redrawInterval`; a line per finished scope above them;
/// and, at the end, a summary table. Log lines go through ``printAbove(_:)`` so that they never land
/// inside the live lines.
///
/// Meant for standard error when it is a terminal; nothing of it should be written anywhere else.
public final class TerminalProgress: Sendable {
    private struct Scope {
        var name: String
        var pages = 0
        var rows = 0
        var totalSize: Int?
        var started: ContinuousClock.Instant
    }

    private struct State {
        var running: [Int: Scope] = [:]
        var publishing = false
        var drawnLines = 0
        var lastDraw: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let output: @Sendable (String) -> Void
    private let now: @Sendable () -> ContinuousClock.Instant
    private let redrawInterval: Duration

    /// - Parameters:
    ///   - output: receives terminal text, escape sequences included.
    ///   - now: the clock of rates and ETAs.
    public init(
        output: @escaping @Sendable (String) -> Void, redrawInterval: Duration = .milliseconds(250),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.output = output
        self.redrawInterval = redrawInterval
        self.now = now
    }

    /// Takes one event of the run.
    public func handle(_ event: RunProgressEvent) {
        let instant = now()
        state.withLock { state in
            var force = false
            switch event {
            case .scopeStarted(let index, let scope):
                state.running[index] = Scope(name: scope.numberedName(index), started: instant)
                force = true
            case .pageWritten(let index, let pages, let rows, let totalSize):
                if var scope = state.running[index] {
                    scope.pages = pages
                    scope.rows = rows
                    scope.totalSize = totalSize ?? scope.totalSize
                    state.running[index] = scope
                }
            case .scopeFinished(let index, let result):
                let scope = state.running.removeValue(forKey: index)
                let name = scope?.name ?? result.scope.numberedName(index)
                let seconds = scope.map { (instant - $0.started).inSeconds } ?? 0
                let verdict = result.isComplete ? "done" : "FAILED"
                var line =
                    "\(verdict)  \(name): \(result.rows.formatted()) rows, \(result.pages) "
                    + (result.pages == 1 ? "page in " : "pages in ")
                    + String(format: "%.1f s", seconds)
                if let failure = result.failure { line += " (\(failure))" }
                output(erase(&state) + SafeText.line(line) + "\n")
                force = true
            case .publishing:
                state.publishing = true
                force = true
            }
            if force || state.lastDraw.map({ instant - $0 >= redrawInterval }) ?? true {
                draw(&state, at: instant)
            }
        }
    }

    /// ``handle(_:)`` as a closure, for ``ReportRun/progress``.
    public var eventHandler: @Sendable (RunProgressEvent) -> Void {
        { [self] event in handle(event) }
    }

    /// Writes a line (a log line) above the live lines.
    public func printAbove(_ text: String) {
        let instant = now()
        state.withLock { state in
            output(erase(&state) + text + (text.hasSuffix("\n") ? "" : "\n"))
            draw(&state, at: instant)
        }
    }

    /// Clears the live lines and prints the summary table of the run.
    public func finish(_ outcome: RunOutcome) {
        state.withLock { state in
            state.running = [:]
            state.publishing = false
            output(erase(&state) + Self.summaryTable(outcome) + "\n")
        }
    }

    /// The final table: per scope its pages, rows, `totalSize`, rows per health level and how it ended.
    public static func summaryTable(_ outcome: RunOutcome) -> String {
        let levels = HealthLevel.worstFirst
        var rows = [["scope", "pages", "rows", "totalSize"] + levels.map(\.name) + ["status"]]
        for (index, result) in outcome.scopes.enumerated() {
            rows.append(
                [
                    result.scope.numberedName(index), "\(result.pages)", "\(result.rows)",
                    result.totalSize.map(String.init) ?? "-",
                ]
                    + levels.map { "\(result.levelCounts[$0] ?? 0)" }
                    + [result.isComplete ? "complete" : "FAILED: \(result.error?.kind.rawValue ?? "")"])
        }
        let totals = outcome.levelCounts
        rows.append(
            ["all", "\(outcome.scopes.map(\.pages).reduce(0, +))", "\(outcome.scopes.map(\.rows).reduce(0, +))", ""]
                + levels.map { "\(totals[$0] ?? 0)" } + [outcome.isComplete ? "complete" : "partial"])
        return TextTable.render(rows)
    }

    private func erase(_ state: inout State) -> String {
        guard state.drawnLines > 0 else { return "" }
        defer { state.drawnLines = 0 }
        // To the start of the first live line, then clear to the end of the screen.
        return "\u{1B}[\(state.drawnLines)F\u{1B}[J"
    }

    private func draw(_ state: inout State, at instant: ContinuousClock.Instant) {
        var lines = state.running.keys.sorted().map { index in Self.line(state.running[index]!, at: instant) }
        if state.publishing { lines.append("publishing the snapshot: joining parts, report, email, checksums …") }
        output(erase(&state) + lines.map { $0 + "\n" }.joined())
        state.drawnLines = lines.count
        state.lastDraw = instant
    }

    private static func line(_ scope: Scope, at instant: ContinuousClock.Instant) -> String {
        let elapsed = (instant - scope.started).inSeconds
        let rate = elapsed > 0 ? Double(scope.rows) / elapsed : 0
        let name = SafeText.line(scope.name)
        var text = "  \(name.count > 30 ? String(name.prefix(29)) + "…" : name)"
        text += "  page \(scope.pages)  \(scope.rows.formatted())"
        if let total = scope.totalSize, total > 0 {
            text += " / \(total.formatted()) rows  \(min(100, scope.rows * 100 / total))%"
        } else {
            text += " rows"
        }
        text += "  \(Int(rate).formatted()) rows/s"
        if let total = scope.totalSize, rate > 0, total > scope.rows {
            let remaining = Int((Double(total - scope.rows) / rate).rounded(.up))
            text += "  ETA " + String(format: "%d:%02d", remaining / 60, remaining % 60)
        }
        return text
    }
}

import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM (systemd stopping the unit, `timeout`) and SIGINT (Ctrl-C) turned into the cancellation of the
/// run, so that it stops cleanly: the fetch ends, the partial snapshot is removed, the metrics and a log
/// line are written, and the exit code says which signal it was. A second signal of the same kind ends
/// the process at once, as it would without this handling.
enum StopSignals {
    /// What ``cancelling(_:)`` saw.
    struct Outcome<Value: Sendable>: Sendable {
        var result: Result<Value, any Error>
        /// The first stop signal received, if any.
        var signal: Int32?
    }

    /// The first signal received (0 for none), shared with the dispatch handlers.
    private final class FirstSignal: Sendable {
        let number = Atomic<Int32>(0)
    }

    /// Runs `operation` in a task that SIGTERM and SIGINT cancel.
    static func cancelling<Value: Sendable>(
        _ operation: @escaping @Sendable () async throws -> Value
    ) async -> Outcome<Value> {
        let first = FirstSignal()
        let task = Task { try await operation() }
        let queue = DispatchQueue(label: "numbers-report.stop-signals")
        let sources = [SIGTERM, SIGINT].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)  // delivered to the dispatch source instead of ending the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                _ = first.number.compareExchange(expected: 0, desired: number, ordering: .relaxed)
                signal(number, SIG_DFL)  // a second one ends the process at once
                task.cancel()
            }
            source.resume()
            return source
        }
        let result = await task.result
        for source in sources { source.cancel() }
        let number = first.number.load(ordering: .relaxed)
        return Outcome(result: result, signal: number == 0 ? nil : number)
    }

    /// `SIGTERM`, `SIGINT`.
    static func name(_ number: Int32) -> String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "signal \(number)"
        }
    }
}

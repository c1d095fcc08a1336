import Dispatch
import Foundation
import Synchronization

/// Blocking work started on a thread of its own — a new one, neither one of Swift's cooperative pool nor of GCD's
/// global pool, which on Linux has about one thread a core and adds one for a blocked thread only after a while (the
/// join waits for its own second thread) — while the caller's thread goes on with other work; ``value()`` waits for
/// it. For stages that block (reading, writing and hashing files) and need not follow each other: on two cores the
/// pair takes about the longer of the two, not their sum.
///
/// Wait for the value also when the caller's own work fails: the work may still be using what it was given.
final class OverlappedWork<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work`.
    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            done.signal()
        }
        thread.name = "numbers-report.overlapped"
        thread.start()
    }

    /// Waits until the work is done; returns what it returned, or throws what it threw. May be called again.
    func value() throws -> Value {
        done.wait()
        done.signal()  // for a later call
        return try outcome.withLock { $0! }.get()  // set before `done` was signalled
    }

    /// Runs `first` on another thread and `second` on this one, and returns both results once both are done; throws
    /// the first one's error, else the second one's.
    static func both<Second>(
        _ first: @escaping @Sendable () throws -> Value, _ second: () throws -> Second
    ) throws -> (Value, Second) {
        let work = OverlappedWork(first)
        let secondResult = Result { try second() }
        return (try work.value(), try secondResult.get())
    }
}

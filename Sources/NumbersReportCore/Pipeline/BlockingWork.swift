import NIOPosix

/// Runs blocking work — writing and syncing files, waiting for the compression threads, reading an
/// earlier night — on NIO's thread pool for blocking I/O, never on a thread of Swift's cooperative
/// pool, which the HTTP client's tasks and the other scopes need (as swift-nio's `NIOThreadPool` and
/// hummingbird's file I/O do).
enum BlockingWork {
    /// Runs `work` on `NIOThreadPool.singleton` and returns its result; the caller's task is suspended
    /// meanwhile. Work already started is finished even when the task is cancelled; work not yet
    /// started then throws `CancellationError`.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    /// Like ``run(_:)``, but a cancellation of the caller's task does not stop it from starting: for
    /// work that must be whole once begun (publication).
    static func runToCompletion<Result: Sendable>(
        _ work: @escaping @Sendable () throws -> Result
    ) async throws -> Result {
        try await Task { try await run(work) }.value
    }
}

import Foundation
import Hummingbird
import Logging
import Synchronization

/// An in-process fake of Sinch's Imported Numbers API on 127.0.0.1: OAuth2 token endpoint, HTTP Basic, paging with
/// signed page tokens, filters, ordering, injected faults and a deterministic, edge-case-rich data set.
///
/// ```swift
/// let fake = FakeSinchAPI(configuration: FakeSinchAPIConfiguration())
/// try await fake.start()
/// defer { Task { await fake.stop() } }
/// // point a client at fake.baseURL / fake.tokenURL with key "demo-key-id" / "demo-key-secret"
/// ```
///
/// All methods are thread-safe. Dropping the last reference to a started fake cancels its server.
public final class FakeSinchAPI: Sendable {
    /// The configuration the fake was created with.
    public let configuration: FakeSinchAPIConfiguration
    let handler: FakeSinchAPIHandler
    private let lifecycle = Mutex(Lifecycle())

    private struct Lifecycle: Sendable {
        var port = 0
        var task: Task<Void, any Error>?
    }

    /// A logger that drops everything: the default, so tests and the demo stay quiet.
    public static let quietLogger = Logger(label: "fake-sinch-api") { _ in SwiftLogNoOpLogHandler() }

    /// Creates a fake; call ``start()`` to listen.
    /// - Parameters:
    ///   - configuration: scopes, credentials, data set and server behaviour.
    ///   - logger: used by the fake and by Hummingbird; the default discards everything.
    public init(configuration: FakeSinchAPIConfiguration, logger: Logger = FakeSinchAPI.quietLogger) {
        self.configuration = configuration
        self.handler = FakeSinchAPIHandler(configuration: configuration, logger: logger)
    }

    deinit {
        lifecycle.withLock { $0.task?.cancel() }
    }

    /// The bound TCP port; `0` until ``start()`` has returned.
    public var port: Int {
        lifecycle.withLock { $0.port }
    }

    /// `http://127.0.0.1:PORT`, the API host to give a client.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// `http://127.0.0.1:PORT/oauth2/token`, the token URL to give a client.
    public var tokenURL: String {
        "\(baseURL)/oauth2/token"
    }

    /// Starts the server on 127.0.0.1 at ``FakeSinchAPIConfiguration/port`` and returns once it is listening.
    ///
    /// Calling it on a running fake does nothing (a concurrent second call returns at once). Throws
    /// ``FakeSinchAPIError`` if the data set cannot be generated or the server stops before listening (for example,
    /// the port is taken).
    public func start() async throws {
        guard handler.dataSet.fitsNumberingPlan else {
            throw FakeSinchAPIError.dataSetTooLarge(
                scopes: configuration.scopes.count,
                largestScope: configuration.scopes.map(\.numbers).max() ?? 0
            )
        }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            responder: FakeSinchAPIResponder(handler: handler),
            configuration: ApplicationConfiguration(
                address: .hostname("127.0.0.1", port: configuration.port),
                serverName: "fake-sinch-api"
            ),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: handler.logger
        )
        // Claim the lifecycle before the server exists, so a concurrent start() does not bind a second server and
        // a stop() during startup can cancel this one.
        let task: Task<Void, any Error>? = lifecycle.withLock { lifecycle in
            guard lifecycle.task == nil else { return nil }
            let task = Task {
                defer { portContinuation.finish() }
                try await application.run()
            }
            lifecycle.task = task
            return task
        }
        guard let task else { return }  // already started (or starting) elsewhere
        let port = await withTaskCancellationHandler {
            var iterator = ports.makeAsyncIterator()
            return await iterator.next()
        } onCancel: {
            task.cancel()
        }
        guard let port else {
            let result = await task.result
            lifecycle.withLock { lifecycle in
                if lifecycle.task == task { lifecycle.task = nil }
            }
            try Task.checkCancellation()
            switch result {
            case .success: throw FakeSinchAPIError.serverDidNotStart("the server stopped before listening")
            case .failure(let error): throw FakeSinchAPIError.serverDidNotStart(String(describing: error))
            }
        }
        lifecycle.withLock { $0.port = port }
        handler.logger.info("fake Sinch API listening", metadata: ["url": "\(baseURL)"])
    }

    /// Stops the server and waits until it has shut down. Safe to call more than once.
    public func stop() async {
        let task = lifecycle.withLock { lifecycle -> Task<Void, any Error>? in
            defer { lifecycle.task = nil }
            return lifecycle.task
        }
        guard let task else { return }
        task.cancel()
        _ = await task.result
        handler.logger.info("fake Sinch API stopped")
    }

    /// Starts the server if needed, then serves until the calling task is cancelled, then stops.
    ///
    /// For the `fake-api` command. Returns normally on cancellation; throws if the server fails.
    public func runUntilCancelled() async throws {
        try await start()
        guard let task = lifecycle.withLock({ $0.task }) else { return }
        try await withTaskCancellationHandler {
            do {
                try await task.value
            } catch is CancellationError {
                return
            }
        } onCancel: {
            task.cancel()
        }
        await stop()
    }
}

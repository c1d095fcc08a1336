import Logging
import Synchronization

/// A log handler that keeps every line (message and metadata) in memory, to check what reaches the logs.
struct LogCapture: LogHandler {
    final class Store: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
    }

    let store: Store
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let line =
            "\(event.level) \(event.message) "
            + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }
            .joined(separator: " ")
        store.lines.withLock { $0.append(line) }
    }

    /// A logger writing into a new store.
    static func logger() -> (Logger, Store) {
        let store = Store()
        let logger = Logger(label: "capture") { _ in LogCapture(store: store) }
        return (logger, store)
    }
}

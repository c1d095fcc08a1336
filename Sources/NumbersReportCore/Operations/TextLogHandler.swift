import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// A swift-log handler for people: `2026-11-29T02:00:01+0000 notice numbers-report: attempt=1 status=503
/// [SinchImportedNumbers] retrying after a transient failure`, the shape of swift-log's
/// `StreamLogHandler`, but handing each line to an injected output (standard error, or a progress
/// display that keeps its live lines below the log).
public struct TextLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let output: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// - Parameter output: receives each line, `\n` included.
    public init(
        label: String, output: @escaping @Sendable (String) -> Void,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.output = output
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = Logger.Metadata.merged(handler: metadata, provider: metadataProvider, event: event.metadata)
        // Values come from the API and from files: escaped, so that no text can forge a line or move the cursor.
        let pairs = merged.keys.sorted().map { "\(SafeText.line($0))=\(SafeText.line("\(merged[$0]!)"))" }
            .joined(separator: " ")
        output(
            "\(APITimestamp.format(now()).dropLast())+0000 \(event.level) \(label):\(pairs.isEmpty ? "" : " " + pairs) "
                + "[\(event.source)] \(SafeText.line(event.message.description))\n")
    }
}

extension Logger.Metadata {
    /// A log line's metadata: the handler's, then the provider's, then the event's, later ones winning.
    static func merged(handler: Self, provider: Logger.MetadataProvider?, event: Self?) -> Self {
        var merged = handler
        if let provided = provider?.get() { merged.merge(provided) { _, new in new } }
        if let event { merged.merge(event) { _, new in new } }
        return merged
    }
}

import Foundation
import Logging
import ReportWriters
import SinchImportedNumbers

/// A swift-log handler that writes one JSON object a line, for journald and log shippers:
/// `{"time":"2026-11-29T02:00:01.234Z","level":"notice","label":"numbers-report","message":"…","scope":"…"}`.
///
/// Metadata entries become top-level keys after the fixed ones (a key that would clash with them is
/// written as `metadata.KEY`); nested metadata becomes JSON objects and arrays. Every line is handed
/// to `output` whole, so that lines from several threads never interleave.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let output: @Sendable ([UInt8]) -> Void
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - output: receives each line, `\n` included.
    ///   - now: the clock of the `time` field.
    public init(
        label: String, output: @escaping @Sendable ([UInt8]) -> Void,
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

    private static let fixedKeys: Set<String> = ["time", "level", "label", "message", "source"]

    public func log(event: LogEvent) {
        let merged = Logger.Metadata.merged(handler: metadata, provider: metadataProvider, event: event.metadata)
        var line: [UInt8] = []
        line.reserveCapacity(256)
        line += Array("{\"time\":".utf8)
        NDJSONEncoder.appendString(APITimestamp.formatMilliseconds(now()), to: &line)
        line += Array(",\"level\":".utf8)
        NDJSONEncoder.appendString(event.level.rawValue, to: &line)
        line += Array(",\"label\":".utf8)
        NDJSONEncoder.appendString(label, to: &line)
        line += Array(",\"message\":".utf8)
        NDJSONEncoder.appendString(event.message.description, to: &line)
        line += Array(",\"source\":".utf8)
        NDJSONEncoder.appendString(event.source, to: &line)
        for key in merged.keys.sorted() {
            line.append(UInt8(ascii: ","))
            NDJSONEncoder.appendString(Self.fixedKeys.contains(key) ? "metadata." + key : key, to: &line)
            line.append(UInt8(ascii: ":"))
            Self.append(merged[key]!, to: &line)
        }
        line += Array("}\n".utf8)
        output(line)
    }

    private static func append(_ value: Logger.Metadata.Value, to line: inout [UInt8]) {
        switch value {
        case .string(let text):
            NDJSONEncoder.appendString(text, to: &line)
        case .stringConvertible(let convertible):
            // Numbers and booleans given as such (`.stringConvertible(42)`) stay JSON numbers and booleans.
            switch convertible {
            case let number as Int: line += Array(String(number).utf8)
            case let number as Double where number.isFinite: line += Array(String(number).utf8)
            case let flag as Bool: line += Array((flag ? "true" : "false").utf8)
            default: NDJSONEncoder.appendString(convertible.description, to: &line)
            }
        case .array(let items):
            line.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                append(item, to: &line)
            }
            line.append(UInt8(ascii: "]"))
        case .dictionary(let entries):
            line.append(UInt8(ascii: "{"))
            for (index, key) in entries.keys.sorted().enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                NDJSONEncoder.appendString(key, to: &line)
                line.append(UInt8(ascii: ":"))
                append(entries[key]!, to: &line)
            }
            line.append(UInt8(ascii: "}"))
        }
    }
}

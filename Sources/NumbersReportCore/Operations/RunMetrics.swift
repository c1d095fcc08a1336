import Foundation
import Prometheus

/// The metrics of one run in the Prometheus text format, for node_exporter's textfile collector
/// (`--metrics-file /var/lib/node_exporter/textfile_collector/numbers_report.prom`).
///
/// Every value describes the latest run, so all are gauges. `numbers_report_last_success_timestamp_seconds`
/// is carried over from the previous file when this run did not succeed, so that an alert on its age
/// fires however the later runs failed.
public struct RunMetrics: Sendable {
    /// When the run started and ended.
    public var startedAt: Date
    public var finishedAt: Date
    /// The exit code the run ends with.
    public var exitStatus: ExitStatus
    /// The run's outcome; `nil` when it stopped before fetching (a config error, an output error).
    public var outcome: RunOutcome?

    public init(startedAt: Date, finishedAt: Date, exitStatus: ExitStatus, outcome: RunOutcome?) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.exitStatus = exitStatus
        self.outcome = outcome
    }

    /// A run counts as a success when it published a complete snapshot (exit 0, or 4: complete but
    /// `--fail-on` matched).
    public var isSuccess: Bool { exitStatus == .complete || exitStatus == .healthThreshold }

    /// The text format, given the previous file's text (for the last success time).
    public func text(previous: String?) -> String {
        let registry = PrometheusCollectorRegistry()
        let lastSuccess =
            isSuccess ? finishedAt.timeIntervalSince1970 : previous.flatMap(Self.lastSuccess(in:))
        if let lastSuccess {
            Self.gauge(
                registry, "last_success_timestamp_seconds",
                help: "When the last run that published a complete snapshot ended (Unix time)."
            ).set(lastSuccess)
        }
        Self.gauge(
            registry, "last_run_timestamp_seconds", help: "When the latest run ended (Unix time)."
        ).set(finishedAt.timeIntervalSince1970)
        Self.gauge(
            registry, "last_run_duration_seconds", help: "How long the latest run took."
        ).set(finishedAt.timeIntervalSince(startedAt))
        Self.gauge(
            registry, "last_run_exit_code",
            help:
                "Exit code of the latest run: 0 complete, 1 config, 2 partial, 3 nothing fetched, 4 --fail-on, "
                + "130 SIGINT, 143 SIGTERM."
        ).set(Double(exitStatus.rawValue))
        guard let outcome else { return Self.render(registry) }
        Self.gauge(
            registry, "last_run_requests",
            help: "HTTP requests of the latest run (token requests included)."
        ).set(Double(outcome.requests))
        Self.gauge(
            registry, "last_run_retries",
            help: "Requests repeated after a transient failure in the latest run."
        ).set(Double(outcome.retries))
        for (index, result) in outcome.scopes.enumerated() {
            let scope = [("scope", result.scope.displayName), ("scope_index", "\(index + 1)")]
            for level in HealthLevel.worstFirst {
                Self.gauge(
                    registry, "rows", labels: scope + [("health", level.name)],
                    help: "Rows of the latest snapshot by scope and health level."
                ).set(Double(result.levelCounts[level] ?? 0))
            }
            Self.gauge(
                registry, "records_unreadable", labels: scope,
                help: "Records of the latest run that could not be decoded (no row, no health level)."
            ).set(Double(result.rejectedCount))
            Self.gauge(
                registry, "scope_complete", labels: scope,
                help: "1 when the scope was read to its last page in the latest run, else 0."
            ).set(result.isComplete ? 1.0 : 0.0)
        }
        var failures: [String: Int] = [:]
        for result in outcome.scopes { if let error = result.error { failures[error.kind.rawValue, default: 0] += 1 } }
        if outcome.emailFailure != nil { failures["email", default: 0] += 1 }
        for kind in failures.keys.sorted() {
            Self.gauge(
                registry, "last_run_failures", labels: [("kind", kind)],
                help: "Failures of the latest run by kind (scopes that stopped early; the email)."
            ).set(Double(failures[kind]!))
        }
        if let snapshot = outcome.snapshotPath {
            for (file, bytes) in Self.payloadSizes(snapshot: snapshot) {
                Self.gauge(
                    registry, "snapshot_bytes", labels: [("file", file)],
                    help: "Bytes of each payload file of the latest snapshot."
                ).set(Double(bytes))
            }
        }
        return Self.render(registry)
    }

    /// Writes the file atomically: a temporary file beside it, synced, then renamed over it. Mode 0644: the
    /// metrics name no number, and node_exporter, another user, must read them.
    public func write(to path: String) throws {
        let previous = try? String(contentsOfFile: path, encoding: .utf8)
        try FileSystem.writeAtomically(Array(text(previous: previous).utf8), to: path, mode: 0o644)
    }

    static func lastSuccess(in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix("numbers_report_last_success_timestamp_seconds ") {
            return Double(line.split(separator: " ").last ?? "")
        }
        return nil
    }

    /// The gauge `numbers_report_NAME` with its help text (the descriptor API of swift-prometheus).
    private static func gauge(
        _ registry: PrometheusCollectorRegistry, _ name: String, labels: [(String, String)] = [], help: String
    ) -> Gauge {
        let descriptor = MetricNameDescriptor(
            namespace: "numbers_report", metricName: name, unitName: "", helpText: help)
        return labels.isEmpty
            ? registry.makeGauge(descriptor: descriptor) : registry.makeGauge(descriptor: descriptor, labels: labels)
    }

    private static func render(_ registry: PrometheusCollectorRegistry) -> String {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `data/…` files of a snapshot and their sizes, by path below `data/`.
    static func payloadSizes(snapshot: String) -> [(String, Int)] {
        let data = SnapshotLocation(path: snapshot).payloadPath
        guard let enumerator = FileManager.default.enumerator(atPath: data) else { return [] }
        var sizes: [(String, Int)] = []
        while let relative = enumerator.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: data + "/" + relative)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            sizes.append((relative, (attributes?[.size] as? Int) ?? 0))
        }
        return sizes.sorted { $0.0 < $1.0 }
    }
}

import Foundation
import ReportWriters
import SinchImportedNumbers

/// What `check` found: the token, and per scope whether its first page came back.
public struct ConfigCheckReport: Sendable {
    /// How fetching the access token went.
    public enum Authorization: Sendable {
        /// The token came back in this time; `nil` with basic authentication (no token endpoint).
        case success(Duration?)
        case failure(String)
    }

    /// One scope's first page.
    public struct Scope: Sendable {
        public enum Answer: Sendable {
            /// `records` is the page size the server granted (at most `api.pageSize`).
            case page(totalSize: Int?, records: Int, hasNextPage: Bool, latency: Duration)
            case failure(String)
        }
        public var scope: ScopeSettings
        public var answer: Answer

        public var isReachable: Bool {
            if case .page = answer { return true }
            return false
        }

        /// The first page was the last and held no number: named in the table, never a silent empty scope.
        public var answeredEmpty: Bool {
            if case .page(_, let records, let hasNextPage, _) = answer { return records == 0 && !hasNextPage }
            return false
        }
    }

    public var authorization: Authorization
    public var scopes: [Scope]
    /// This machine: the output directory and the mailer (``LocalReadiness``).
    public var local: [LocalReadiness.Finding] = []

    /// `0` when every scope answered and the machine is ready, `2` when some scope did not (or the mailer cannot
    /// be run), `3` when none did (or the output directory cannot be written): as `run` would end.
    public var exitStatus: ExitStatus {
        let reachable = scopes.filter(\.isReachable).count
        var status: ExitStatus = reachable == scopes.count ? .complete : reachable == 0 ? .nothingFetched : .partial
        for finding in local where finding.problem != nil {
            if finding.failing == .nothingFetched || (finding.failing == .partial && status == .complete) {
                status = finding.failing
            }
        }
        return status
    }

    /// The table `check` prints: scope, reachable, totalSize, granted page size, latency; then the failures.
    public func table(pageSize: Int) -> String {
        var rows = [["scope", "reachable", "totalSize", "page size", "latency"]]
        var notes: [String] = []
        switch authorization {
        case .success(let latency?): notes.append("access token: fetched in \(Self.milliseconds(latency))")
        case .success(nil): notes.append("access token: not used (basic authentication)")
        case .failure(let message): notes.append("access token: FAILED: \(message)")
        }
        for (index, result) in scopes.enumerated() {
            let name = result.scope.numberedName(index)
            switch result.answer {
            case let .page(totalSize, records, hasNextPage, latency):
                // A full first page, or the whole scope on one page, shows the size the server granted.
                let granted = hasNextPage || records == pageSize ? "\(records) of \(pageSize)" : "\(records) (all)"
                let reachable = result.answeredEmpty ? "yes, answered, no numbers" : "yes"
                rows.append([name, reachable, totalSize.map(String.init) ?? "-", granted, Self.milliseconds(latency)])
                if result.answeredEmpty { notes.append("\(name): answered, no numbers (check the ids and the key)") }
            case .failure(let message):
                rows.append([name, "NO", "-", "-", "-"])
                notes.append("\(name): \(message)")
            }
        }
        for finding in local {
            notes.append("\(finding.item): " + (finding.problem.map { "FAILED: \($0)" } ?? "ready"))
        }
        return TextTable.render(rows) + "\n" + notes.map { SafeText.line($0) }.joined(separator: "\n") + "\n"
    }

    static func milliseconds(_ duration: Duration) -> String {
        "\(Int(duration.inSeconds * 1000)) ms"
    }

    /// The report as JSON (keys sorted), for scripts: the token, each scope's answer, this machine's findings, and
    /// the exit status.
    public func json() throws -> String {
        var token: [String: Any] = [:]
        switch authorization {
        case .success(let latency?): token = ["ok": true, "latencyMs": Int(latency.inSeconds * 1000)]
        case .success(nil): token = ["ok": true, "basicAuthentication": true]
        case .failure(let message): token = ["ok": false, "error": message]
        }
        let scopeObjects: [[String: Any]] = scopes.map { result in
            var object: [String: Any] = [
                "scope": result.scope.displayName, "projectId": result.scope.projectId,
                "servicePlanId": result.scope.servicePlanId, "campaignId": result.scope.campaignId,
                "reachable": result.isReachable,
            ]
            switch result.answer {
            case let .page(totalSize, records, hasNextPage, latency):
                object["totalSize"] = totalSize ?? NSNull()
                object["records"] = records
                object["hasNextPage"] = hasNextPage
                object["answeredEmpty"] = result.answeredEmpty
                object["latencyMs"] = Int(latency.inSeconds * 1000)
            case .failure(let message): object["error"] = message
            }
            return object
        }
        let localObjects: [[String: Any]] = local.map { finding in
            ["item": finding.item, "ready": finding.problem == nil, "problem": finding.problem ?? NSNull()]
        }
        let object: [String: Any] = [
            "token": token, "scopes": scopeObjects, "local": localObjects, "exitStatus": Int(exitStatus.rawValue),
        ]
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

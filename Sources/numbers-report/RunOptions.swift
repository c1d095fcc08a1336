import ArgumentParser
import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// Options shared by `run` and `demo`.
struct RunOptions: ParsableArguments {
    @Option(help: "Publish the snapshot under DIR instead of the config's output.directory.")
    var output: String?

    @Option(help: "Fix the run's clock (health ages, snapshot name), e.g. 2026-11-29T02:00:00Z.")
    var now: String?

    @Option(
        help:
            "Exit with 4 after a complete run when any row is at or above LEVEL (FAILED, STALE, MISCONFIGURED, PENDING)."
    )
    var failOn: String?

    func validate() throws {
        if let now, APITimestamp.parse(now) == nil {
            throw ValidationError("--now: \"\(now)\" is not an ISO 8601 date-time such as 2026-11-29T02:00:00Z")
        }
        if let failOn, HealthLevel(name: failOn) == nil {
            throw ValidationError(
                "--fail-on: \"\(failOn)\" is not one of FAILED, STALE, MISCONFIGURED, PENDING, HEALTHY")
        }
    }

    var clock: Date {
        now.flatMap(APITimestamp.parse) ?? Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// `--output` made absolute against the working directory.
    var outputDirectory: String? {
        output.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
    }

    /// Prints the snapshot path and maps the outcome to the contract's exit code.
    func finish(_ outcome: RunOutcome) throws -> Never {
        if let path = outcome.snapshotPath { print(path) }
        let failed = outcome.scopes.filter { !$0.isComplete }
        for result in failed {
            let name = result.scope.label ?? "\(result.scope.servicePlanId)/\(result.scope.campaignId)"
            FileHandle.standardError.write(Data("scope \"\(name)\" failed: \(result.failure ?? "")\n".utf8))
        }
        if outcome.snapshotPath == nil {
            FileHandle.standardError.write(Data("nothing could be fetched; no snapshot was published\n".utf8))
        }
        var status = outcome.exitCode
        if let failure = outcome.emailFailure {
            FileHandle.standardError.write(Data("the report email was not sent: \(failure)\n".utf8))
            status = .partial
        }
        if status == .complete, let failOn = failOn.flatMap(HealthLevel.init(name:)),
            outcome.levelCounts.contains(where: { $0.key >= failOn && $0.value > 0 })
        {
            status = .healthThreshold
        }
        throw ExitCode(status.rawValue)
    }
}

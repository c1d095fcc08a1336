import ArgumentParser
import FakeSinchAPI
import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// `numbers-report fake-api`: the fake Sinch API as a server of its own, for trials and benchmarks.
struct FakeAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-api",
        abstract: "Serve the fake Sinch Imported Numbers API on 127.0.0.1 until interrupted.",
        discussion: """
            Serves the token endpoint (/oauth2/token) and the list endpoint for the three demo scopes of \
            samples/demo.yaml, with key id "demo-key-id" and secret "demo-key-secret".

            Example:  numbers-report fake-api --port 8080 --numbers 200000
            """)

    @Option(help: "TCP port on 127.0.0.1 (0 picks a free one). Example: --port 18080")
    var port = 8080

    @Option(
        help:
            "Numbers in all, spread evenly over the scopes (default: the demo's 120, 75 and 40). Example: --numbers 200000"
    )
    var numbers: Int?

    @Option(
        help: """
            Serve this many scopes instead of the three demo scopes: project \(FakeScope.demoProjectId), \
            service plans plan-1 … plan-N, campaigns CAMP1 … CAMPN. Example: --scopes 8
            """)
    var scopes: Int?

    @Option(help: "Seed of the generated data set: the same seed serves the same numbers. Example: --seed 7")
    var seed: UInt64 = 1

    @Option(help: "Milliseconds added before every list answer. Example: --latency-ms 50")
    var latencyMs = 0

    @Option(help: "The server's cap on pageSize: larger requests get this many. Example: --page-size-cap 1000")
    var pageSizeCap = 250

    @Option(help: "Every N-th list request gets the next of --faults (0: none). Example: --fault-every 3")
    var faultEvery = 0

    @Option(
        help: """
            Send every N-th record of each scope in a shape that does not decode (0: none; 100 gives 1%). \
            Example: --undecodable-every 100
            """)
    var undecodableEvery = 0

    @Option(
        help: ArgumentHelp(
            "Comma-separated faults to cycle through. Example: --faults 429,503,reset",
            discussion: "Names: " + FakeSinchAPIFault.named.map(\.name).joined(separator: ", ")))
    var faults = "429,503,reset,truncated,invalid-json,502-wrapped,expire-token"

    @Option(
        help: ArgumentHelp(
            "Comma-separated faults for every token request, in a cycle (none by default). Example: --token-faults token-crlf",
            discussion: "Any of the names of --faults; token-crlf, 429, 500, 503 and stall make sense here."))
    var tokenFaults = ""

    @Flag(
        help: """
            Answer an unknown service plan + campaign pair with an empty page (200, no numbers) instead of 404.
            """)
    var unknownScopesEmpty = false

    @Option(
        help: """
            Give a project a test key of its own, PROJECT=KEY_ID:KEY_SECRET (repeatable): only that key opens the \
            project, other keys get 403. Fake keys only. Example: --project-key p-retail=retail-id:retail-secret
            """)
    var projectKey: [String] = []

    @Option(help: "The data set's clock (update times are before it); default now. Example: --now 2026-11-29T02:00:00Z")
    var now: String?

    @Option(
        help: """
            Serve the data as it stands after N nights of evolution (numbers failing, recovering, going stale, \
            added and removed; 0: as generated), as `demo --nights` does; give each night a --now a day later. \
            Example: --night 2
            """)
    var night = 0

    func validate() throws {
        if let numbers, numbers < 0 { throw ValidationError("--numbers must not be negative") }
        if let scopes, !(1...1000).contains(scopes) { throw ValidationError("--scopes must be 1 to 1000") }
        if latencyMs < 0 { throw ValidationError("--latency-ms must not be negative") }
        if pageSizeCap < 1 { throw ValidationError("--page-size-cap must be at least 1") }
        if let now, APITimestamp.parse(now) == nil { throw ValidationError("--now: not an ISO 8601 date-time") }
        if faultEvery < 0 { throw ValidationError("--fault-every must not be negative") }
        if night < 0 { throw ValidationError("--night must not be negative") }
        if undecodableEvery < 0 { throw ValidationError("--undecodable-every must not be negative") }
        for name in faultNames where FakeSinchAPIFault(name: name) == nil {
            throw ValidationError("--faults: unknown fault \"\(name)\"")
        }
        for name in Self.names(tokenFaults) where FakeSinchAPIFault(name: name) == nil {
            throw ValidationError("--token-faults: unknown fault \"\(name)\"")
        }
        for entry in projectKey where Self.parseProjectKey(entry) == nil {
            throw ValidationError("--project-key: \"\(entry)\" is not PROJECT=KEY_ID:KEY_SECRET")
        }
    }

    /// `PROJECT=KEY_ID:KEY_SECRET`, each part non-empty.
    private static func parseProjectKey(_ entry: String) -> (projectId: String, key: FakeAccessKey)? {
        let sides = entry.split(separator: "=", maxSplits: 1).map(String.init)
        guard sides.count == 2, !sides[0].isEmpty else { return nil }
        let key = sides[1].split(separator: ":", maxSplits: 1).map(String.init)
        guard key.count == 2, !key[0].isEmpty, !key[1].isEmpty else { return nil }
        return (sides[0], FakeAccessKey(keyID: key[0], keySecret: key[1]))
    }

    private var faultNames: [String] { Self.names(faults) }

    private static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        var configuration = FakeSinchAPIConfiguration()
        configuration.port = port
        configuration.seed = seed
        configuration.latency = .milliseconds(latencyMs)
        configuration.pageSizeCap = pageSizeCap
        if let clock = now.flatMap(APITimestamp.parse) { configuration.referenceTime = clock }
        configuration.faultEvery = faultEvery
        configuration.undecodableEvery = undecodableEvery
        configuration.night = night
        configuration.recurringFaults = faultNames.compactMap(FakeSinchAPIFault.init(name:))
        configuration.recurringTokenFaults = Self.names(tokenFaults).compactMap(FakeSinchAPIFault.init(name:))
        configuration.unknownScopesAnswerEmpty = unknownScopesEmpty
        for (projectId, key) in projectKey.compactMap(Self.parseProjectKey) {
            configuration.projectKeys[projectId] = key
        }
        if let scopes {
            configuration.scopes = (1...scopes).map {
                FakeScope(
                    projectId: FakeScope.demoProjectId, servicePlanId: "plan-\($0)", campaignId: "CAMP\($0)",
                    numbers: 100)
            }
        }
        if let numbers {
            let share = numbers / configuration.scopes.count
            for index in configuration.scopes.indices {
                configuration.scopes[index].numbers = share + (index == 0 ? numbers % configuration.scopes.count : 0)
            }
        }
        let fake = FakeSinchAPI(configuration: configuration)
        try await fake.start()
        var banner = "fake Sinch API on \(fake.baseURL) (token endpoint \(fake.tokenURL))\n"
        banner += "key id \(configuration.keyID), key secret \(configuration.keySecret)\n"
        for (projectId, key) in configuration.projectKeys.sorted(by: { $0.key < $1.key }) {
            banner += "project \(projectId): key id \(key.keyID), key secret \(key.keySecret)\n"
        }
        if night > 0 { banner += "night \(night) of the data's evolution\n" }
        for scope in configuration.scopes {
            let numbers = fake.recordCount(for: scope)
            banner += "scope \(scope.projectId) \(scope.servicePlanId) \(scope.campaignId): \(numbers) numbers\n"
        }
        FileHandle.standardOutput.write(Data(banner.utf8))  // unbuffered: scripts wait for this line
        try await fake.runUntilCancelled()
    }
}

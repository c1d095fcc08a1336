import FakeSinchAPI
import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers
import Testing

/// The whole run against a hostile API: what reaches the archive, and what `render` makes of it.
@Suite("the run against a hostile API")
struct HostileAPIRunTests {
    /// The raw page lines of a snapshot, as JSON objects.
    static func rawLines(_ snapshot: String) throws -> [[String: Any]] {
        let reader = try GzipReader(path: snapshot + "/data/raw/pages.ndjson.gz")
        var lines: [[String: Any]] = []
        while let line = try reader.nextLine() {
            lines.append(try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any])
        }
        return lines
    }

    @Test("a page with bytes that are not UTF-8 is archived exactly, and render rebuilds the rows byte for byte")
    func invalidUTF8() async throws {
        try await RunHarness.with { harness in
            harness.configuration.api.concurrency = 1  // the first list request is scope 0's first page
            harness.fake.injectFaults([.invalidUTF8])
            let outcome = try await harness.run()
            let original = try #require(outcome.snapshotPath)
            #expect(outcome.exitCode == .complete, "\(outcome.scopes.compactMap(\.failure))")
            // The archive holds the bytes received: the page with FF C3 28, in Base64 as JSON cannot hold them.
            let lines = try Self.rawLines(original)
            let encoded = try #require(lines.first?["bodyBase64"] as? String, "the first page is kept in Base64")
            let body = try #require(Data(base64Encoded: encoded))
            #expect(body.firstRange(of: Data([0xFF, 0xC3, 0x28])) != nil)
            #expect(lines.first?["body"] == nil)
            #expect(lines.dropFirst().allSatisfy { $0["body"] is String && $0["bodyBase64"] == nil })
            try expectRenderReproduces(original, into: harness.outputDirectory + "/rebuilt")
        }
    }

    @Test("a record with a duplicated member is rejected, naming the member; no value of it is believed; render agrees")
    func duplicateMember() async throws {
        try await RunHarness.with { harness in
            harness.configuration.api.concurrency = 1
            harness.fake.injectFaults([.duplicateMembers])
            let outcome = try await harness.run()
            let original = try #require(outcome.snapshotPath)
            #expect(outcome.exitCode == .complete)
            #expect(outcome.scopes[0].rejectedCount == 1)
            #expect(outcome.scopes[0].rejected.map(\.reason) == ["duplicate member \"phoneNumber\""])
            // Nothing vanishes: the record is a REVIEW row without a phone number (which of the two would it be?).
            #expect(outcome.scopes[0].rows == harness.fake.configuration.scopes[0].numbers)
            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: original + "/data/summary.json"))) as! [String: Any]
            let rejected = ((summary["scopes"] as! [[String: Any]])[0]["rejected"] as! [[String: Any]])
            #expect(rejected.first?["reason"] as? String == "duplicate member \"phoneNumber\"")
            let rows = try await csvRecords(original + "/data/numbers.csv")
            #expect(!rows.contains { $0.contains("+19999999999") }, "the first of the two values is never believed")
            let rebuilt = try SnapshotRender(snapshot: original, outputDirectory: harness.outputDirectory + "/rebuilt")
                .render()
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: original + "/data/numbers.csv"))
                    == Data(contentsOf: URL(fileURLWithPath: rebuilt + "/data/numbers.csv")))
        }
    }

    @Test("a 403 on the first scope's list request fails that scope only; the others are read (exit 2)")
    func forbiddenScope() async throws {
        try await RunHarness.with { harness in
            harness.configuration.api.concurrency = 1  // the first list request is scope 0's
            harness.fake.injectFaults([.serverError(status: 403)])
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .partial)
            #expect(outcome.scopes.map(\.isComplete) == [false, true, true])
            #expect(outcome.scopes[0].error?.kind == "accessDenied")
            #expect(outcome.scopes[0].error?.isCredentialsRefusal == false)
        }
    }

    @Test("a 20 MB error message: the scope fails, and the email, report and summary stay small and inert")
    func hugeErrorMessage() async throws {
        try await RunHarness.with { harness in
            harness.configuration.api.concurrency = 1  // the first list requests are scope 0's
            harness.fake.injectFaults(
                Array(
                    repeating: .hugeErrorMessage(characters: 20_000_000), count: harness.configuration.api.maxAttempts)
                    + [.forgedErrorMessage, .forgedErrorMessage])
            let outcome = try await harness.run()
            #expect(outcome.exitCode == .partial)
            let failure = try #require(outcome.scopes[0].error)
            #expect(failure.message.count <= ScopeFailure.maxMessageLength + 40, "\(failure.message.count)")
            let snapshot = try #require(outcome.snapshotPath)
            for file in ["report.eml", "report.xhtml", "summary.json", "raw/run.json"] {
                let size = try #require(
                    try FileManager.default.attributesOfItem(atPath: snapshot + "/data/" + file)[.size] as? Int)
                #expect(size < 1_000_000, "\(file): \(size) bytes")
            }
        }
    }
}

import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

/// A damaged earlier night never stops tonight: the run publishes, and the report says why it has no
/// comparison or which older night it compared with.
@Suite("the past never blocks tonight")
struct DamagedHistoryTests {
    /// Ways an earlier night's `numbers.ndjson.gz` is found damaged.
    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case truncated, missing, badLine, notGzip

        var testDescription: String { rawValue }

        func apply(to snapshot: String) async throws {
            let path = snapshot + "/data/numbers.ndjson.gz"
            switch self {
            case .truncated:
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
            case .missing:
                try FileManager.default.removeItem(atPath: path)
            case .badLine:
                // A valid gzip member with a line that is not a row, after the real rows.
                let extra = try await runTool(["gzip", "-c"], input: Data("{\"phone_number\": [oops\n".utf8))
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.seekToEnd()
                try handle.write(contentsOf: extra.output)
                try handle.close()
            case .notGzip:
                try Data("this is not gzip\n".utf8).write(to: URL(fileURLWithPath: path))
            }
        }
    }

    /// The email's text/plain part, decoded by Python's `email` package.
    private func plainText(ofEmail path: String) async throws -> String {
        let script = """
            import email, email.policy, sys
            message = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
            print(message.get_body(preferencelist=('plain',)).get_content())
            """
        return String(decoding: try await runTool(["python3", "-c", script, path]).output, as: UTF8.self)
    }

    private func report(_ snapshot: String) throws -> String {
        try String(contentsOfFile: snapshot + "/data/report.xhtml", encoding: .utf8)
    }

    @Test(
        "the previous night's rows damaged: tonight publishes complete and the report says why",
        arguments: Damage.allCases)
    func previousNightDamaged(damage: Damage) async throws {
        try await RunHarness.with { harness in
            let first = try #require(try await harness.run().snapshotPath)
            try await damage.apply(to: first)
            let outcome = try await harness.run(clock: Fixtures.clock.addingTimeInterval(86_400))
            #expect(outcome.isComplete)
            let second = try #require(outcome.snapshotPath)
            let text = try report(second)
            let name = (first as NSString).lastPathComponent
            #expect(text.contains("No comparison with earlier nights: \(name) could not be read"))
            #expect(text.contains("comparison-note"))
            #expect(
                try await plainText(ofEmail: second + "/data/report.eml").contains("No comparison with earlier nights"))
        }
    }

    @Test("the previous night damaged, an older one good: the changes are taken from the older night")
    func comparedWithLastGoodNight() async throws {
        try await RunHarness.with { harness in
            let first = try #require(try await harness.run().snapshotPath)
            let second = try #require(
                try await harness.run(clock: Fixtures.clock.addingTimeInterval(86_400)).snapshotPath)
            try await Damage.truncated.apply(to: second)
            let outcome = try await harness.run(clock: Fixtures.clock.addingTimeInterval(2 * 86_400))
            let third = try #require(outcome.snapshotPath)
            let text = try report(third)
            let (firstName, secondName) = (
                (first as NSString).lastPathComponent, (second as NSString).lastPathComponent
            )
            #expect(
                text.contains(
                    "Compared with \(firstName) instead of the previous night: \(secondName) could not be read"))
            #expect(text.contains("changed since \(firstName)"))
        }
    }
}

import FakeSinchAPI
import Foundation
import Logging
import SinchImportedNumbers
import Testing

// The example of README.md's "Using the client as a library", exactly: a test below checks that the two agree,
// so the README's example compiles (here) and runs (against the fake API on loopback).
// BEGIN README example
/// Prints every number of one scope with its SMS campaign; returns how many there were.
func printNumbers(
    of query: ImportedNumbersQuery, configuration: ImportedNumbersClient.Configuration = .init(),
    credentials: Credentials, logger: Logger
) async throws -> Int {
    do {
        return try await withImportedNumbersClient(
            configuration: configuration, credentials: credentials, logger: logger
        ) { client in
            var count = 0
            for try await page in client.pages(for: query) {
                for number in page.response.importedNumbers {
                    print(number.phoneNumber ?? "?", number.smsConfiguration?.campaignId ?? "-")
                    count += 1
                }
            }
            return count
        }
    } catch let error as SinchAPIError where error.kind == .credentialsRefused {
        logger.error("the access key was refused", metadata: ["error": "\(error)"])
        throw error
    }
}
// END README example

@Suite("the README's library example")
struct ReadmeExampleTests {
    /// The lines between two marker lines of `text`.
    private static func lines(
        of text: String, after start: (Substring) -> Bool, before end: (Substring) -> Bool
    )
        -> [Substring]
    {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = all.firstIndex(where: start) else { return [] }
        let rest = all[(first + 1)...]
        return Array(rest.prefix { !end($0) })
    }

    @Test("README.md's example is this file's printNumbers, character for character")
    func readmeMatches() throws {
        let here = URL(fileURLWithPath: #filePath)
        let readmeURL = here.deletingLastPathComponent().appendingPathComponent("../../README.md").standardized
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        let section = readme.components(separatedBy: "\n## Using the client as a library\n").dropFirst().first ?? ""
        let fromReadme = Self.lines(of: section, after: { $0 == "```swift" }, before: { $0 == "```" })
        let fromTests = Self.lines(
            of: source, after: { $0 == "// BEGIN README example" }, before: { $0 == "// END README example" })
        #expect(!fromReadme.isEmpty)
        #expect(fromReadme == fromTests)
    }

    @Test("the example lists every number of a scope from the fake API, and rethrows a refused key")
    func exampleRuns() async throws {
        let scope = FakeScope(projectId: "proj-1", servicePlanId: "plan-1", campaignId: "CAMP1", numbers: 12)
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.scopes = [scope]
        fakeConfiguration.pageSizeCap = 5
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        do {
            try await runExample(baseURL: fake.baseURL, tokenURL: fake.tokenURL, scope: scope)
        } catch {
            await fake.stop()
            throw error
        }
        await fake.stop()
    }

    private func runExample(baseURL: String, tokenURL: String, scope: FakeScope) async throws {
        var configuration = ImportedNumbersClient.Configuration()
        configuration.baseURL = baseURL
        configuration.tokenURL = tokenURL
        let query = ImportedNumbersQuery(
            projectId: scope.projectId, servicePlanId: scope.servicePlanId, campaignId: scope.campaignId)
        let (logger, logs) = LogCapture.logger()
        let count = try await printNumbers(
            of: query, configuration: configuration,
            credentials: Credentials(keyID: "demo-key-id", keySecret: "demo-key-secret"), logger: logger)
        #expect(count == 12)
        let error = await #expect(throws: SinchAPIError.self) {
            try await printNumbers(
                of: query, configuration: configuration, credentials: Credentials(keyID: "demo-key-id", keySecret: "x"),
                logger: logger)
        }
        #expect(error?.kind == .credentialsRefused)
        #expect(logs.text.contains("the access key was refused"))
    }
}

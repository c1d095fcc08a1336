import ArgumentParser
import Foundation

/// `numbers-report`: the nightly audit of numbers imported (hosted) on Sinch for 10DLC SMS.
@main
struct NumbersReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers-report",
        abstract: "Nightly audit of the phone numbers a company has imported (hosted) on Sinch for 10DLC SMS.",
        discussion: """
            Pages through GET /v1/projects/{projectId}/importedNumbers for every configured scope, judges each \
            number's provisioning health and publishes a dated snapshot (CSV, gzipped NDJSON) under the output \
            directory.

            Try it without credentials:  numbers-report demo --output ./reports
            """,
        subcommands: [
            RunCommand.self, DemoCommand.self, VerifyCommand.self, DiffCommand.self, RenderCommand.self,
            FakeAPICommand.self,
        ]
    )

    /// Runs the command; usage errors exit with 1, as the contract says (not ArgumentParser's 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { self.exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(1)
        }
    }
}

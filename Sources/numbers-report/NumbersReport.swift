import ArgumentParser
import Foundation
import NumbersReportCore

/// `numbers-report`: the nightly audit of numbers imported (hosted) on Sinch for 10DLC SMS.
@main
struct NumbersReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers-report",
        abstract: "Nightly audit of the phone numbers a company has imported (hosted) on Sinch for 10DLC SMS.",
        discussion: """
            Each night, `run` fetches every number of every configured scope and judges its
            provisioning health, then publishes a dated, checksummed snapshot of them.

            Example, no credentials:  numbers-report demo --output ./reports
            Example, your config:     numbers-report check --config nightly.yaml
                                      (then schedule `run`: see the README)
            """,
        version: ToolVersion.current,
        subcommands: [
            RunCommand.self, CheckCommand.self, DemoCommand.self, VerifyCommand.self, ListCommand.self,
            DiffCommand.self,
            RenderCommand.self,
            FakeAPICommand.self,
        ]
    )

    /// Runs the command; usage errors exit with 1, as the contract says (not ArgumentParser's 64).
    static func main() async {
        OpenFileLimit.raise()
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

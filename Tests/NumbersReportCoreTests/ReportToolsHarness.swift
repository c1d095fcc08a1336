import Foundation
import Testing

/// The outside checkers under `Tests/tools` and the system's own tools.
enum OutsideTools {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tools").path

    /// `xmllint --noout --valid --nonet`: the file is valid against its DTD (found through the XML catalog).
    static func validateXHTML(_ path: String) async throws -> (valid: Bool, messages: String) {
        let result = try await runTool(["xmllint", "--noout", "--valid", "--nonet", path], captureErrors: true)
        return (result.status == 0, String(decoding: result.output, as: UTF8.self))
    }

    /// Runs one of the Python checkers and decodes its JSON.
    static func python(_ script: String, _ arguments: [String]) async throws -> [String: Any] {
        let result = try await runTool(["python3", directory + "/" + script] + arguments, captureErrors: true)
        guard result.status == 0 else {
            Issue.record("\(script) failed: \(String(decoding: result.output, as: UTF8.self))")
            return [:]
        }
        return try JSONSerialization.jsonObject(with: result.output) as? [String: Any] ?? [:]
    }
}

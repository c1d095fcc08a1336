import Foundation

/// Hands `report.eml` to the configured mailer (`sendmail -t` style: the message on standard input).
struct EmailDelivery {
    var command: [String]

    /// Runs the command; `nil` when it took the message, else what went wrong.
    func send(file: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        do {
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            try process.run()
        } catch {
            return "\(command[0]) could not be started: \(error.localizedDescription)"
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = String(decoding: output.prefix(2000), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            return "\(command.joined(separator: " ")) exited with \(process.terminationStatus)"
                + (said.isEmpty ? "" : ": \(said)")
        }
        return nil
    }
}

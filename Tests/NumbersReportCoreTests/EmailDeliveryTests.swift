import Foundation
import NumbersReportCore
import Testing

@Suite("handing the email to sendmail", .serialized)
struct EmailDeliveryTests {
    /// A real SMTP server (aiosmtpd) on a loopback port, writing what it receives to a Maildir.
    final class SMTPSink {
        let port: Int
        let mailbox: String
        private var process: Process?
        private var input: Pipe?

        init(directory: String) throws {
            mailbox = directory + "/maildir"
            var said = ""
            for _ in 0..<5 {
                let port = Int.random(in: 20_000..<60_000)
                let process = Process()
                let input = Pipe()
                let output = Pipe()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3", OutsideTools.directory + "/smtp_sink.py", String(port), mailbox]
                process.standardInput = input
                process.standardOutput = output
                process.standardError = output
                try process.run()
                said = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
                if said.hasPrefix("ready") {
                    self.port = port
                    self.process = process
                    self.input = input
                    return
                }
                process.terminate()
                process.waitUntilExit()
            }
            throw OutputError(message: "the SMTP sink did not start: \(said)")
        }

        struct OutputError: Error { var message: String }

        /// Ends the server (EOF on its input) and waits for it.
        func stop() {
            guard let process, let input else { return }
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            self.process = nil
        }
    }

    @Test("sendmail -t (msmtp) delivers report.eml to a real SMTP server on loopback")
    func delivered() async throws {
        let directory = try Fixtures.temporaryDirectory()
        // Runs after the sink's stop below (defers run last first).
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sink = try SMTPSink(directory: directory)
        defer { sink.stop() }
        let configuration = directory + "/msmtprc"
        try "account default\nhost 127.0.0.1\nport \(sink.port)\nfrom numbers-report@example.com\nauth off\ntls off\n"
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configuration)
        try await RunHarness.with { harness in
            harness.configuration.email.to = ["compliance@example.com"]
            harness.configuration.email.sendCommand = ["/usr/sbin/sendmail", "-C", configuration, "-t"]
            let outcome = try await harness.run()
            #expect(outcome.emailFailure == nil, "\(outcome.emailFailure ?? "")")
            let sent = try String(contentsOfFile: outcome.snapshotPath! + "/data/report.eml", encoding: .utf8)
            let messageID = try #require(sent.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") })
            sink.stop()
            let delivered = try FileManager.default.contentsOfDirectory(atPath: sink.mailbox + "/new")
            #expect(delivered.count == 1)
            // #require, not delivered[0]: an index out of range would end the whole test run.
            let message = try #require(delivered.first, "nothing was delivered")
            let received = try String(contentsOfFile: sink.mailbox + "/new/" + message, encoding: .utf8)
            #expect(received.contains(messageID))
            #expect(received.contains("Content-Type: multipart/alternative;"))
            #expect(received.contains("To: compliance@example.com"))
        }
    }

    @Test("a mailer that fails is reported; the snapshot is published all the same")
    func failingMailer() async throws {
        try await RunHarness.with { harness in
            harness.configuration.email.sendCommand = ["/bin/sh", "-c", "echo 'relay refused' >&2; exit 75"]
            let outcome = try await harness.run()
            #expect(
                outcome.emailFailure == "/bin/sh -c echo 'relay refused' >&2; exit 75 exited with 75: relay refused")
            #expect(FileManager.default.fileExists(atPath: outcome.snapshotPath! + "/data/report.eml"))
            harness.configuration.email.sendCommand = ["/nonexistent/sendmail"]
            let missing = try await harness.run(into: harness.outputDirectory + "/b")
            #expect(missing.emailFailure?.hasPrefix("/nonexistent/sendmail could not be started") == true)
        }
    }
}

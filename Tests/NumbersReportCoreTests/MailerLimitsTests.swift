import Foundation
import Testing

@testable import NumbersReportCore

/// The mailer is a child that cannot hold the night up, flood the log, or see the access key.
@Suite("the mailer runs with a time limit, bounded output and a minimal environment")
struct MailerLimitsTests {
    private func message() throws -> (String, () -> Void) {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory + "/report.eml"
        try Data("Subject: test\r\n\r\nbody\r\n".utf8).write(to: URL(fileURLWithPath: path))
        return (path, { try? FileManager.default.removeItem(atPath: directory) })
    }

    @Test("a mailer that hangs is stopped at the time limit and the email counts as not sent")
    func hangingMailer() async throws {
        let (file, cleanUp) = try message()
        defer { cleanUp() }
        let marker = "numbers-report-mailer-\(UUID().uuidString)"
        let started = ContinuousClock.now
        let failure = await EmailDelivery(
            command: ["/bin/bash", "-c", "exec -a \(marker) sleep 600"], timeout: .seconds(1)
        ).send(file: file)
        let elapsed = ContinuousClock.now - started
        #expect(failure?.hasSuffix("did not finish within 1 s and was stopped") == true, "\(failure ?? "nil")")
        #expect(elapsed < .seconds(30), "stopped after \(elapsed)")
        // The child is gone: no process of that name is left.
        let left = try await runTool(["pgrep", "-f", marker])
        #expect(left.status == 1, "still running: \(String(decoding: left.output, as: UTF8.self))")
    }

    @Test("what the mailer prints is read to the end but kept to 2,000 characters in the error")
    func floodingMailer() async throws {
        let (file, cleanUp) = try message()
        defer { cleanUp() }
        let failure = await EmailDelivery(
            command: [
                "/bin/sh", "-c", "head -c 50000000 /dev/zero | tr '\\000' x; printf '\\033[2J\\r\\nforged'; exit 3",
            ],
            timeout: .seconds(60)
        ).send(file: file)
        let text = try #require(failure)
        #expect(text.hasPrefix("/bin/sh -c "))
        #expect(text.contains("exited with 3: xxxx"))
        #expect(text.utf8.count < 3_000, "\(text.utf8.count) bytes")
        #expect(!text.contains("\u{1B}") && !text.contains("\n"))
    }

    @Test("the mailer sees PATH and HOME, never the access key's variables")
    func environment() async throws {
        let (file, cleanUp) = try message()
        defer { cleanUp() }
        let failure = await EmailDelivery(command: ["/bin/sh", "-c", "env; exit 1"], timeout: .seconds(60)).send(
            file: file,
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": "/var/lib/numbers-report", "SINCH_KEY_SECRET": "s3cr3t-value",
                "SINCH_KEY_ID": "key-id-value", "RETAIL_KEY_SECRET": "other-secret",
            ])
        let text = try #require(failure)
        #expect(text.contains("PATH=/usr/bin:/bin"))
        #expect(text.contains("HOME=/var/lib/numbers-report"))
        for secret in ["s3cr3t-value", "key-id-value", "other-secret", "SINCH_KEY"] { #expect(!text.contains(secret)) }
    }

    @Test("the message reaches the mailer's standard input whole; exit 0 is sent")
    func delivered() async throws {
        let (file, cleanUp) = try message()
        defer { cleanUp() }
        let copy = file + ".received"
        let failure = await EmailDelivery(command: ["/bin/sh", "-c", "cat > '\(copy)'"], timeout: .seconds(60)).send(
            file: file)
        #expect(failure == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(contentsOf: URL(fileURLWithPath: file)))
    }
}

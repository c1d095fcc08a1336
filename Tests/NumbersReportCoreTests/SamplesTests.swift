import Foundation
import NumbersReportCore
import Testing

/// What an operations engineer copies first: every config in `samples/` loads through the real reader, and the
/// mailer is written the way the samples and the README write it.
@Suite("the samples")
struct SamplesTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    static var configs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
    }

    @Test("there are configs in samples/ (demo.yaml, production.yaml)")
    func found() {
        #expect(Set(Self.configs).isSuperset(of: ["demo.yaml", "production.yaml"]), "\(Self.configs)")
    }

    @Test("every config in samples/ loads", arguments: configs)
    func loads(_ name: String) throws {
        let configuration = try ReportConfiguration.load(path: Self.samples.appendingPathComponent(name).path)
        #expect(!configuration.scopes.isEmpty)
        if let command = configuration.email.sendCommand { #expect(command.first?.hasPrefix("/") == true) }
    }

    static func email(_ sendCommand: String) -> String {
        """
        scopes: [{ projectId: p, servicePlanId: s, campaignId: c }]
        email: { to: [a@example.com], sendCommand: \(sendCommand) }
        """
    }

    @Test("email.sendCommand: a list (each argument as it is) or a string split at spaces")
    func sendCommandForms() throws {
        let list = try ReportConfiguration.parse(
            yaml: Self.email("[/usr/sbin/sendmail, -t, \"-F Night report\"]"), file: "list.yaml", relativeTo: "/")
        #expect(list.email.sendCommand == ["/usr/sbin/sendmail", "-t", "-F Night report"])
        let string = try ReportConfiguration.parse(
            yaml: Self.email("/usr/sbin/sendmail -t"), file: "string.yaml", relativeTo: "/")
        #expect(string.email.sendCommand == ["/usr/sbin/sendmail", "-t"])
        #expect {
            try ReportConfiguration.parse(yaml: Self.email("[sendmail, -t]"), file: "relative.yaml", relativeTo: "/")
        } throws: { "\($0)".contains("email.sendCommand") && "\($0)".contains("absolute path") }
        #expect {
            try ReportConfiguration.parse(
                yaml: Self.email("[/usr/sbin/sendmail, [x]]"), file: "nested.yaml", relativeTo: "/")
        } throws: { "\($0)".contains("email.sendCommand[1]") }
    }
}

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

    @Test("production.yaml runs under the sample unit: every key from files that the unit hands over")
    func productionKeysComeFromTheUnit() throws {
        let configuration = try ReportConfiguration.load(
            path: Self.samples.appendingPathComponent("production.yaml").path)
        let unit = try String(
            contentsOf: Self.samples.appendingPathComponent("numbers-report.service"), encoding: .utf8)
        // The unit sets no environment: a key named by an environment variable could never be read.
        #expect(!unit.contains("Environment"))
        let sources = [configuration.api.keySource] + configuration.scopes.compactMap(\.key)
        #expect(sources.count == 2, "the sample shows the shared key and a scope's own")
        for source in sources {
            guard case .files(let idFile, let secretFile) = source else {
                Issue.record("production.yaml reads a key from the environment: \(source)")
                continue
            }
            for name in [idFile, secretFile] {
                // Handed over by the unit (a scope's own key as a line to uncomment).
                #expect(
                    unit.contains("\nLoadCredential=\(name):") || unit.contains("\n#LoadCredential=\(name):"),
                    "\(name) is not in the unit's LoadCredential= lines")
            }
        }
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

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The operator is paged when the API host is down: the run must fail fast and say where it could not go.
@Suite("nothing listening on the API port")
struct UnreachableAPITests {
    /// A loopback port with nothing listening: bound, read and closed again.
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socket in
                bind(descriptor, socket, length) == 0 && getsockname(descriptor, socket, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test("10 scopes, default settings: exit 3 well within a minute, the host and port named, nothing published")
    func tenScopes() async throws {
        let port = try Self.closedPort()
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scopes = (1...10).map { "  - { projectId: p\($0), servicePlanId: plan\($0), campaignId: C\($0) }" }
        try """
        api:
          baseURL: http://127.0.0.1:\(port)
          tokenURL: http://127.0.0.1:\(port)/oauth2/token
        scopes:
        \(scopes.joined(separator: "\n"))
        output:
          directory: \(directory)/reports
        """.write(toFile: directory + "/nightly.yaml", atomically: true, encoding: .utf8)
        let started = ContinuousClock.now
        let result = try await ToolProcess.run(
            ["run", "--config", directory + "/nightly.yaml"], environment: ToolProcess.demoCredentials)
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardError.contains("127.0.0.1:\(port)"), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        // One retry budget per request: 5 attempts with backoff take seconds, 25 took minutes.
        #expect(elapsed < .seconds(60), "took \(elapsed)")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/reports")) ?? []
        #expect(!entries.contains { $0.hasPrefix(".partial-") || $0.hasPrefix("20") }, "\(entries)")
    }
}

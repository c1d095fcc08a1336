import Foundation
import NumbersReportCore
import Testing

/// The raw pages are the API's bytes kept for the audit: deflated more cheaply than the rows by default
/// (`output.rawGzipLevel`), still one valid gzip file, and `render` deflates them as the night did.
@Suite("output.rawGzipLevel")
struct RawGzipLevelTests {
    /// The gzip header's XFL byte of the file's first member: 4 when deflated at level 1, 0 at levels 2–7 (zlib and
    /// libdeflate alike).
    private func extraFlags(_ path: String) throws -> UInt8 {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try #require(bytes.count > 10 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        return bytes[8]
    }

    @Test("by default the raw pages are deflated at level 1, the rows at output.gzipLevel; render agrees")
    func defaultLevels() async throws {
        try await RunHarness.with { harness in
            #expect(harness.configuration.output.rawGzipLevel == 1)
            let snapshot = try #require(try await harness.run().snapshotPath)
            let location = SnapshotLocation(path: snapshot)
            #expect(try await runTool(["gzip", "-t", location.path(of: .rawPages)]).status == 0)
            #expect(try extraFlags(location.path(of: .rawPages)) == 4)
            #expect(try extraFlags(location.path(of: .numbersNDJSON)) == 0)
            let record = try String(contentsOfFile: location.path(of: .runRecord), encoding: .utf8)
            #expect(record.contains("\"rawGzipLevel\":1") || record.contains("\"rawGzipLevel\" : 1"), "\(record)")
            try expectRenderReproduces(snapshot, into: harness.outputDirectory + "/rendered")
        }
    }

    @Test("output.rawGzipLevel: level 1 (the default) is larger than 3, which is larger than 6; out of 0–9 is refused")
    func configured() async throws {
        var sizes: [Int: Int] = [:]
        for level in [1, 3, 6] {
            try await RunHarness.with { harness in
                harness.configuration.output.rawGzipLevel = level
                let snapshot = try #require(try await harness.run().snapshotPath)
                let path = SnapshotLocation(path: snapshot).path(of: .rawPages)
                #expect(try extraFlags(path) == (level == 1 ? 4 : 0))
                #expect(try extraFlags(SnapshotLocation(path: snapshot).path(of: .numbersNDJSON)) == 0)
                sizes[level] = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            }
        }
        #expect(try #require(sizes[1]) > (try #require(sizes[3])))
        #expect(try #require(sizes[3]) > (try #require(sizes[6])))
        let yaml = "scopes: [{ projectId: p, servicePlanId: s, campaignId: c }]\noutput: { rawGzipLevel: 2 }\n"
        let parsed = try ReportConfiguration.parse(yaml: yaml, file: "raw.yaml", relativeTo: "/")
        #expect(parsed.output.effectiveRawGzipLevel == 2 && parsed.output.gzipLevel == 6)
        #expect {
            try ReportConfiguration.parse(
                yaml: yaml.replacingOccurrences(of: "2 }", with: "10 }"), file: "raw.yaml", relativeTo: "/")
        } throws: { "\($0)".contains("output.rawGzipLevel") }
    }
}

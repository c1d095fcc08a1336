import Foundation
import NumbersReportCore
import Testing

/// `numbers.ndjson.gz` and `raw/pages.ndjson.gz` are gzip members of a fixed input size each, deflated by
/// libdeflate; a night recorded before (its run record without `gzipMemberInputBytes`) held one zlib member a
/// scope, and `render` of it writes that again, byte for byte.
@Suite("gzip members of a night")
struct GzipMembersRunTests {
    /// The uncompressed size of each gzip member of a file, and its header's OS byte, as Python's zlib reads them.
    private func members(_ path: String) async throws -> [(size: Int, os: Int)] {
        let script = """
            import json, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            members = []
            while data:
                inflater = zlib.decompressobj(31)
                members.append([len(inflater.decompress(data)), data[9]])
                assert inflater.eof
                data = inflater.unused_data
            print(json.dumps(members))
            """
        let result = try await runTool(["python3", "-c", script, path])
        try #require(result.status == 0)
        return try JSONDecoder().decode([[Int]].self, from: result.output).map { ($0[0], $0[1]) }
    }

    private func runRecord(_ snapshot: String) throws -> String {
        try String(contentsOfFile: SnapshotLocation(path: snapshot).path(of: .runRecord), encoding: .utf8)
    }

    @Test("a member for each 4 KiB of a scope's input, every scope starting its own; render writes the same bytes")
    func smallMembers() async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.gzipMemberInputBytes = 4_096
            let scopes = harness.configuration.scopes.count
            let snapshot = try #require(try await harness.run().snapshotPath)
            let location = SnapshotLocation(path: snapshot)
            for file in [location.path(of: .numbersNDJSON), location.path(of: .rawPages)] {
                let found = try await members(file)
                let total = found.reduce(0) { $0 + $1.size }
                #expect(found.allSatisfy { $0.size <= 4_096 }, "\(file)")
                // Only a scope's last member is short.
                #expect(found.filter { $0.size < 4_096 }.count <= scopes, "\(file)")
                #expect(found.count >= (total + 4_095) / 4_096 && found.count > scopes, "\(file)")
                #expect(found.allSatisfy { $0.os == 255 }, "libdeflate's header: \(file)")
            }
            // DuckDB, as an analyst would query the night, reads every row of every member.
            let query = """
                import duckdb, sys
                print(duckdb.sql("select count(*) from read_json_auto(?)", params=[sys.argv[1]]).fetchall()[0][0])
                """
            let counted = try await runTool(["python3", "-c", query, location.path(of: .numbersNDJSON)])
            #expect(counted.status == 0)
            let rows = try await csvRecords(location.path(of: .numbersCSV)).count - 1
            #expect(String(decoding: counted.output, as: UTF8.self) == "\(rows)\n" && rows > 100)
            let record = try runRecord(snapshot).replacingOccurrences(of: " ", with: "")
            #expect(record.contains("\"gzipMemberInputBytes\":4096"))
            try expectRenderReproduces(snapshot, into: harness.outputDirectory + "/rendered")
        }
    }

    @Test("a night recorded with one zlib member a scope is rendered as it was written")
    func recordedBeforeMembers() async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.gzipMemberInputBytes = nil
            let outcome = try await harness.run()
            let snapshot = try #require(outcome.snapshotPath)
            let location = SnapshotLocation(path: snapshot)
            let scopesWithPages = outcome.scopes.filter { $0.pages > 0 }.count
            for file in [location.path(of: .numbersNDJSON), location.path(of: .rawPages)] {
                let found = try await members(file)
                #expect(found.count == scopesWithPages, "\(file)")
                #expect(found.allSatisfy { $0.os == 3 }, "zlib's header: \(file)")
            }
            #expect(!(try runRecord(snapshot).contains("gzipMemberInputBytes")))
            try expectRenderReproduces(snapshot, into: harness.outputDirectory + "/rendered")
        }
    }
}

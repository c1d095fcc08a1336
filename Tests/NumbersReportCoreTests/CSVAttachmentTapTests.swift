import Foundation
import Testing

@testable import NumbersReportCore

/// The email's gzipped `numbers.csv` is one gzip member, whatever its size: it is opened by whatever the reader has,
/// not only by tools that read a gzip file's members one after another.
@Suite("the email's CSV attachment")
struct CSVAttachmentTapTests {
    @Test("a CSV of 3 MiB is attached as one gzip member that inflates to it")
    func oneMember() async throws {
        let row = Array("+12065550100,plan-1,CAMP1,FAILED,sms_att:1001\r\n".utf8)
        var csv: [UInt8] = []
        while csv.count < 3 << 20 { csv += row }
        var settings = EmailSettings()
        settings.gzipAttachmentAboveBytes = 0
        let tap = try CSVAttachmentTap(settings: settings, size: csv.count)
        for start in stride(from: 0, to: csv.count, by: 100_000) {
            try csv[start..<min(csv.count, start + 100_000)].withUnsafeBytes { try tap.take($0) }
        }
        guard case .gzipped(let gzipped) = try tap.finish() else {
            Issue.record("not attached gzipped")
            return
        }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/numbers.csv.gz"
        try Data(gzipped).write(to: URL(fileURLWithPath: path))
        // Python's zlib, one member at a time: the first member's inflated size, and whether anything follows it.
        let script = """
            import json, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            inflater = zlib.decompressobj(31)
            first = inflater.decompress(data)
            print(json.dumps([len(first), inflater.eof, len(inflater.unused_data)]))
            """
        let result = try await runTool(["python3", "-c", script, path])
        let fields = try #require(try JSONSerialization.jsonObject(with: result.output) as? [Any])
        #expect(fields[0] as? Int == csv.count)
        #expect(fields[1] as? Bool == true)
        #expect(fields[2] as? Int == 0)
    }
}

import Foundation
import ReportWriters
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
        guard case .gzipped(let gzipped) = try Self.attachment(of: csv) else {
            Issue.record("not attached gzipped")
            return
        }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Self.write(gzipped, into: directory)
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

    /// Rows that deflate to about a fifth of their size.
    private static func csv(bytes: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var csv: [UInt8] = []
        while csv.count < bytes {
            csv += Array(
                "+1206\(Int.random(in: 1_000_000...9_999_999, using: &generator)),plan-1,CAMP1,FAILED\r\n".utf8)
        }
        return Array(csv.prefix(bytes))
    }

    /// Writes the attachment to `numbers.csv.gz` in `directory`; returns its path.
    private static func write(_ gzipped: [UInt8], into directory: String) throws -> String {
        let path = directory + "/numbers.csv.gz"
        try Data(gzipped).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The attachment a tap makes of `csv`, given in pieces of `piece` bytes, for a CSV said to be `size` bytes (its
    /// own size unless told), with any CSV above 0 bytes to be gzipped.
    private static func attachment(
        of csv: [UInt8], size: Int? = nil, maxAttachmentBytes: Int? = nil, piece: Int = 100_000
    ) throws -> CSVAttachment {
        var settings = EmailSettings()
        settings.gzipAttachmentAboveBytes = 0
        if let maxAttachmentBytes { settings.maxAttachmentBytes = maxAttachmentBytes }
        let tap = try CSVAttachmentTap(settings: settings, size: size ?? csv.count)
        for start in stride(from: 0, to: csv.count, by: piece) {
            try csv[start..<min(csv.count, start + piece)].withUnsafeBytes { try tap.take($0) }
        }
        return try tap.finish()
    }

    @Test("a CSV whose sample shows it too large is not attached, and the note says it was estimated")
    func estimatedTooLarge() throws {
        let csv = Self.csv(bytes: 2 << 20)
        guard case .notAttached(let why) = try Self.attachment(of: csv, maxAttachmentBytes: 50_000) else {
            Issue.record("attached")
            return
        }
        #expect(why.contains("estimated from its first \(csv.count / 4) bytes"))
    }

    @Test(
        "whatever the pieces it is given in, the attachment inflates to the CSV, also when fewer bytes come than said",
        arguments: [1, 4_095, 100_000, 1 << 20], [0, 1, 300_000])
    func attachedWhole(piece: Int, missing: Int) throws {
        let csv = Self.csv(bytes: 1 << 20)
        let given = Array(csv.prefix(csv.count - missing))
        guard
            case .gzipped(let gzipped) = try Self.attachment(
                of: given, size: csv.count, maxAttachmentBytes: 1 << 20, piece: piece)
        else {
            Issue.record("not attached gzipped")
            return
        }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reader = try GzipReader(path: try Self.write(gzipped, into: directory))
        var lines: [[UInt8]] = []
        while let line = try reader.nextLine() { lines.append(line) }
        var expected = given.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if expected.last?.isEmpty == true { expected.removeLast() }
        #expect(lines == expected)
    }
}

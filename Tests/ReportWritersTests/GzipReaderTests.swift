import Foundation
import ReportWriters
import Testing

@Suite("reading gzip lines")
struct GzipReaderTests {
    private func temporaryDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gzipreader-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// How the files are written: libdeflate's members of 1 MiB (inflated whole by libdeflate), of 4 KiB, of 3 MiB
    /// (too large for that: zlib's stream), and one zlib stream each, as nights before libdeflate hold.
    static let kinds: [GzipMembers] = [.standard, .every(inputBytes: 4_096), .every(inputBytes: 3 << 20), .one]

    /// Writes `members` (each a list of chunks) one after the other to `path`, each through a ``GzipSink`` of
    /// its own that cuts it as `kind` says.
    private func writeGzip(_ members: [[[UInt8]]], kind: GzipMembers = .standard, to path: String) throws {
        let memory = MemorySink()
        for member in members {
            let part = MemorySink()
            let gzip = try GzipSink(downstream: part, level: 1, members: kind)
            for chunk in member { try gzip.write(chunk) }
            try gzip.close()
            try memory.write(part.bytes)
        }
        try Data(memory.bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Every line, taken in turn as a copy (`nextLine`) and where it lies in the reader's buffer (`withNextLine`).
    private func readAll(_ reader: GzipReader) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        while true {
            let line = try lines.count % 2 == 0 ? reader.nextLine() : reader.withNextLine { Array($0) }
            guard let line else { return lines }
            lines.append(line)
        }
    }

    @Test(
        "a line spanning many inflate chunks and members comes back whole and exact, between short lines",
        arguments: kinds)
    func longLine(kind: GzipMembers) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Pseudo-random bytes other than \n: they hardly compress, so the line spans ~90 chunks of 64 KiB.
        var state: UInt32 = 12_345
        let long = [UInt8](unsafeUninitializedCapacity: 6_000_000) { buffer, count in
            for index in 0..<buffer.count {
                state = state &* 1_664_525 &+ 1_013_904_223
                buffer[index] = UInt8(truncatingIfNeeded: state >> 24) | 0x80
            }
            count = buffer.count
        }
        let path = directory + "/rows.ndjson.gz"
        try writeGzip(
            [
                [Array("first\n".utf8), Array(long[..<1_000_000])],
                [Array(long[1_000_000...]), Array("\n\nshort\n".utf8)],
                [Array("last without newline".utf8)],
            ], kind: kind, to: path)
        let lines = try readAll(try GzipReader(path: path))
        #expect(lines.count == 5)
        #expect(lines.first == Array("first".utf8))
        #expect(lines.count > 1 && lines[1] == long, "the long line differs")
        #expect(lines.dropFirst(2) == [[], Array("short".utf8), Array("last without newline".utf8)])
    }

    @Test("many short lines read back in order, across buffer compactions", arguments: kinds)
    func manyShortLines(kind: GzipMembers) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let expected = (0..<200_000).map { Array("{\"row\":\($0)}".utf8) }
        let path = directory + "/rows.ndjson.gz"
        try writeGzip([expected.map { $0 + [10] }], kind: kind, to: path)
        #expect(try readAll(try GzipReader(path: path)) == expected)
    }

    @Test("members of every kind in one file, one after the other, read as one stream")
    func mixedMembers() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var expected: [[UInt8]] = []
        var bytes: [UInt8] = []
        for (index, kind) in (Self.kinds + Self.kinds.reversed()).enumerated() {
            let lines = (0..<60_000).map { Array("{\"part\":\(index),\"row\":\($0)}".utf8) }
            let path = directory + "/part-\(index).gz"
            try writeGzip([lines.map { $0 + [10] }], kind: kind, to: path)
            bytes += try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            expected += lines
        }
        let path = directory + "/rows.ndjson.gz"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try readAll(try GzipReader(path: path)) == expected)
    }

    @Test("a line longer than the limit is an error naming the file, not a reason to hold it all")
    func lineTooLong() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/hostile.ndjson.gz"
        try writeGzip([[Array("ok\n".utf8), [UInt8](repeating: 120, count: 3_000_000), [10]]], to: path)
        let reader = try GzipReader(path: path, maximumLineLength: 1 << 20)
        #expect(try reader.nextLine() == Array("ok".utf8))
        let error = #expect(throws: (any Error).self) { _ = try reader.nextLine() }
        #expect("\(error.map { "\($0)" } ?? "")".contains(path))
        #expect("\(error.map { "\($0)" } ?? "")".contains("longer than 1048576 bytes"))
        // The default limit is 64 MiB: the same line reads with it.
        #expect(try readAll(try GzipReader(path: path)).map(\.count) == [2, 3_000_000])
    }

    @Test(
        "a truncated or corrupt gzip file is an error naming the file",
        arguments: ["no trailer", "cut in the middle", "only the header", "corrupt"], [GzipMembers.standard, .one])
    func damaged(kind: String, members: GzipMembers) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/previous night.ndjson.gz"
        try writeGzip(
            [(0..<5_000).map { Array("{\"row\":\($0),\"phone\":\"+1206555\($0)\"}\n".utf8) }], kind: members, to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch kind {
        case "no trailer": bytes.removeLast(8)
        case "cut in the middle": bytes.removeLast(bytes.count / 2)
        case "only the header": bytes = Array(bytes.prefix(10))
        default: for index in stride(from: 40, to: bytes.count - 20, by: 7) { bytes[index] ^= 0x5A }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try GzipReader(path: path)
        let error = #expect(throws: (any Error).self) { _ = try readAll(reader) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains(path), "\(message)")
    }
}

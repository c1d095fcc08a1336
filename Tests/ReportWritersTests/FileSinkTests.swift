import Foundation
import ReportWriters
import Testing

@Suite("file output")
struct FileSinkTests {
    @Test("writes through its buffer, and never overwrites an existing file")
    func createsOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filesink-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.bin"
        let sink = try FileSink(path: path, mode: 0o644, bufferCapacity: 8)
        let payload = (0..<1000).map { UInt8($0 % 251) }
        try sink.write(Array(payload[0..<3]))
        try sink.write(Array(payload[3..<500]))
        try sink.write(Array(payload[500...]))
        try sink.close()
        #expect(sink.byteCount == 1000)
        #expect(FileManager.default.contents(atPath: path) == Data(payload))
        #expect(throws: OutputFileError.self) { try FileSink(path: path, mode: 0o644) }
        #expect(FileManager.default.contents(atPath: path) == Data(payload))
    }

    /// Sizes around the direct buffer's blocks and its capacity, each written as pieces of the given size.
    static let directCases: [(total: Int, piece: Int)] = [
        (0, 1), (1, 1), (4_095, 1_000), (4_096, 4_096), (4_097, 7), (1 << 20, 1 << 20), ((1 << 20) + 1, 65_536),
        ((3 << 20) + 5, 3 << 20), (2_500_000, 333_333),
    ]

    @Test(
        "a file synced on close is written past the page cache, in whole blocks and its last partial one, byte for byte",
        arguments: directCases)
    func writesDirectly(total: Int, piece: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filesink-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var state: UInt32 = 7
        let payload = (0..<total).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        for direct in [true, false] {
            let path = directory + "/out-\(direct).bin"
            let sink = try FileSink(path: path, mode: 0o644, writesDirectly: direct)
            var offset = 0
            while offset < total {
                try sink.write(Array(payload[offset..<min(total, offset + piece)]))
                offset += piece
            }
            try sink.close()
            #expect(sink.byteCount == total)
            #expect(FileManager.default.contents(atPath: path) == Data(payload), "direct: \(direct)")
        }
    }

    @Test("a missing directory is a clear error naming the path")
    func missingDirectory() {
        do {
            _ = try FileSink(path: "/nonexistent-dir-\(UUID())/x", mode: 0o644)
            Issue.record("expected an error")
        } catch let error as OutputFileError {
            #expect(error.description.contains("cannot create /nonexistent-dir-"))
            #expect(error.description.contains("No such file or directory"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

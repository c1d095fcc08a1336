import Foundation
import ReportWriters
import Testing

@testable import NumbersReportCore

@Suite("files read a megabyte at a time")
struct FileChunksTests {
    @Test(
        "every byte comes once, in order, in chunks of at most a megabyte, read through the page cache or past it",
        arguments: [0, 1, 4_095, 4_097, 1 << 20, (1 << 20) + 1, 2_500_000], [false, true])
    func chunks(size: Int, direct: Bool) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/part.csv"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        // As a scope's part file is written: past the page cache, its last partial block through it.
        let sink = try FileSink(path: path, mode: 0o600, syncsOnClose: false, writesDirectly: direct)
        try sink.write(bytes)
        try sink.close()
        var read: [UInt8] = []
        var largest = 0
        try FileSystem.forEachChunk(path, direct: direct) { chunk in
            largest = max(largest, chunk.count)
            read.append(contentsOf: chunk)
        }
        #expect(read == bytes)
        #expect(largest <= 1 << 20)
    }

    @Test("a file that is not there is an error that names it and says why")
    func missing() throws {
        let path = "/nonexistent-\(UUID())/part.csv"
        #expect(throws: OutputFileError(operation: "read", path: path, errno: ENOENT)) {
            try FileSystem.forEachChunk(path) { _ in }
        }
    }
}

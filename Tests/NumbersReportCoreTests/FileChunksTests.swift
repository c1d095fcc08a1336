import Foundation
import ReportWriters
import Testing

@testable import NumbersReportCore

@Suite("files read a megabyte at a time")
struct FileChunksTests {
    @Test("every byte comes once, in order, in chunks of at most a megabyte", arguments: [0, 1, 1 << 20, 2_500_000])
    func chunks(size: Int) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/part.csv"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var read: [UInt8] = []
        var largest = 0
        try FileSystem.forEachChunk(path) { chunk in
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

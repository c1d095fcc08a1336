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

import FakeSinchAPI
import Foundation
import Testing

@testable import NumbersReportCore

@Suite("sorting in runs on disk")
struct SpillSorterTests {
    struct Record: BitwiseCopyable, Sendable, Equatable {
        var key: UInt64
        var position: UInt32
        var flag: UInt8

        @Sendable static func precedes(_ left: Record, _ right: Record) -> Bool {
            (left.key, left.position) < (right.key, right.position)
        }
    }

    @Test(
        "every record comes back once, in order, whether held in memory or merged from runs on disk",
        arguments: [
            (0, 10), (1, 10), (25, 10), (1000, 1), (1000, 7), (1000, 999), (1000, 1000), (1000, 4096),
            (20_000, 64), (50_000, 12_000),
        ])
    func sorts(count: Int, capacity: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: UInt64(count * 31 + capacity))
        let records = (0..<count).map { index in
            // Few distinct keys: many ties, broken by position.
            Record(key: UInt64.random(in: 0..<50, using: &generator), position: UInt32(index), flag: UInt8(index % 251))
        }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var sorter = SpillSorter(directory: directory, capacity: capacity, by: Record.precedes)
        for record in records { try sorter.append(record) }
        let sorted = try sorter.sorted()
        #expect(sorted.count == count)
        let expected = records.sorted(by: Record.precedes)
        for _ in 1...2 {
            var readBack: [Record] = []
            try sorted.forEach { readBack.append($0) }
            #expect(readBack == expected)
        }
        // Its scratch file is unlinked from the start: the directory stays empty.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test("a scratch file cannot be made in a directory that is not there, and the message names the place")
    func missingDirectory() throws {
        #expect {
            try ScratchFileWriter(directory: "/nonexistent/numbers-report")
        } throws: { error in
            String(describing: error).contains("/nonexistent/numbers-report/.scratch-")
        }
    }
}

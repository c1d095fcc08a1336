import Foundation
import Testing

@testable import NumbersReportCore

/// The *Problems* sheet's rows are set aside deflated: they come back exactly, in order, however they were
/// appended; they take a fraction of the disk; and a damaged file is an error naming it, never other rows.
@Suite("deflated scratch files")
struct DeflatedScratchFileTests {
    /// Sheet-like rows: repeated markup around values that change, and a stretch of bytes deflate cannot shrink.
    private static func content() -> [UInt8] {
        var bytes: [UInt8] = []
        for row in 0..<20_000 {
            bytes += Array(
                "<row><c t=\"inlineStr\"><is><t>+1206555\(row)</t></is></c><c><v>\(row * 7)</v></c></row>".utf8)
        }
        var state: UInt32 = 7
        for _ in 0..<300_000 {
            state = state &* 1_103_515_245 &+ 12_345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        return bytes
    }

    private static func write(_ pieces: [ArraySlice<UInt8>], in directory: String) throws -> DeflatedScratchFile {
        let writer = try DeflatedScratchFileWriter(directory: directory)
        for piece in pieces { try piece.withUnsafeBytes { try writer.append($0) } }
        return try writer.finish()
    }

    private static func readAll(_ file: DeflatedScratchFile) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try file.forEachChunk { bytes.append(contentsOf: $0) }
        return bytes
    }

    @Test(
        "the bytes come back exactly, appended a byte, 4,099 bytes or 1 MiB at a time, or whole",
        arguments: [1, 4_099, 1 << 20, Int.max])
    func roundTrip(pieceSize: Int) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = pieceSize == 1 ? Array(Self.content().prefix(30_000)) : Self.content()
        let step = min(pieceSize, content.count)
        let pieces = stride(from: 0, to: content.count, by: step).map { content[$0..<min(content.count, $0 + step)] }
        let file = try Self.write(pieces, in: directory)
        #expect(file.inflatedByteCount == content.count)
        #expect(try Self.readAll(file) == content)
    }

    @Test("nothing appended reads back as nothing")
    func empty() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try Self.write([], in: directory)
        #expect(try Self.readAll(file) == [])
    }

    @Test("the repeated markup takes a fraction of the disk")
    func smaller() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = Array(Self.content().prefix(1_500_000))
        let file = try Self.write([content[...]], in: directory)
        #expect(file.compressedByteCount * 4 < content.count)
    }

    @Test("bytes that are not the stream written, or fewer than written, are an error naming the file")
    func damaged() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let garbage = try ScratchFileWriter(directory: directory)
        try [UInt8](repeating: 0xFF, count: 5_000).withUnsafeBytes { try garbage.append($0) }
        let notDeflate = DeflatedScratchFile(file: try garbage.finish(), inflatedByteCount: 5_000)
        let shortened = try Self.write([Self.content()[..<10_000]], in: directory)
        let claimsMore = DeflatedScratchFile(file: shortened.file, inflatedByteCount: 10_001)
        for file in [notDeflate, claimsMore] {
            #expect {
                try file.forEachChunk { _ in }
            } throws: { error in
                "\(error)".contains(file.path) && error is ScratchFileError
            }
        }
    }
}

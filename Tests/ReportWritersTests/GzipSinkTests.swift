import CZlib
import Foundation
import ReportWriters
import Testing

@Suite("gzip over zlib")
struct GzipSinkTests {
    /// Inflates every gzip member of `data` with zlib (windowBits 15 + 32 reads gzip).
    static func gunzip(_ data: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var input = data[...]
        while !input.isEmpty {
            var stream = z_stream()
            #expect(inflateInit2_(&stream, MAX_WBITS + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
            defer { inflateEnd(&stream) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let consumed: Int = input.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                var status: Int32 = Z_OK
                while status != Z_STREAM_END {
                    status = chunk.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    guard status == Z_OK || status == Z_STREAM_END else { return -1 }
                    output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                }
                return source.count - Int(stream.avail_in)
            }
            guard consumed > 0 else { throw GzipError(operation: "inflate", code: -1) }
            input = input.dropFirst(consumed)
        }
        return output
    }

    private func compress(_ chunks: [[UInt8]], level: Int32 = 6) throws -> [UInt8] {
        let memory = MemorySink()
        let gzip = try GzipSink(downstream: memory, level: level)
        for chunk in chunks { try gzip.write(chunk) }
        try gzip.close()
        #expect(memory.isClosed)
        return memory.bytes
    }

    @Test("round trip through zlib, many chunks larger than the output buffer", arguments: [0, 1, 6, 9] as [Int32])
    func roundTrip(level: Int32) throws {
        var generator = SystemRandomNumberGenerator()
        let chunks = (0..<40).map { index in
            (0..<(index * 7_919 % 150_000)).map { _ in UInt8.random(in: 0...15, using: &generator) + 65 }
        }
        let compressed = try compress(chunks, level: level)
        #expect(try Self.gunzip(compressed) == chunks.flatMap { $0 })
    }

    @Test("the header has the gzip magic, no name and mtime 0, so equal input gives equal bytes")
    func deterministicHeader() throws {
        let first = try compress([Array("same rows\n".utf8)])
        let second = try compress([Array("same ".utf8), Array("rows\n".utf8)])
        #expect(first[0] == 0x1F && first[1] == 0x8B && first[2] == 8)
        #expect(first[3] == 0)  // FLG: no name, no comment, no extra
        #expect(Array(first[4..<8]) == [0, 0, 0, 0])  // MTIME
        #expect(first == second)
    }

    @Test("an empty stream is still a valid gzip file")
    func empty() throws {
        let compressed = try compress([])
        #expect(try Self.gunzip(compressed) == [])
    }

    @Test("concatenated members read as one stream")
    func members() throws {
        let joined = try compress([Array("a\n".utf8)]) + compress([Array("b\n".utf8)])
        #expect(try Self.gunzip(joined) == Array("a\nb\n".utf8))
    }
}

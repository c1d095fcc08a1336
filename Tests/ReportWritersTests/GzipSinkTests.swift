import CZlib
import Foundation
import ReportWriters
import Testing

@Suite("gzip members over libdeflate, read back by zlib")
struct GzipSinkTests {
    /// Inflates every gzip member of `data` with zlib.
    static func gunzip(_ data: [UInt8]) throws -> [UInt8] {
        try members(data).flatMap { $0 }
    }

    /// Each gzip member of `data`, checked for the gzip magic and inflated by zlib on its own (windowBits 15 + 16:
    /// one gzip member, not what follows it).
    static func members(_ data: [UInt8]) throws -> [[UInt8]] {
        var members: [[UInt8]] = []
        var input = data[...]
        while !input.isEmpty {
            #expect(input.count >= 18 && input[input.startIndex] == 0x1F && input[input.startIndex + 1] == 0x8B)
            var stream = z_stream()
            guard inflateInit2_(&stream, MAX_WBITS + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
            else { throw GzipError(operation: "inflateInit2", code: -1) }
            defer { inflateEnd(&stream) }
            var output: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let consumed: Int = try input.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                var status: Int32 = Z_OK
                while status != Z_STREAM_END {
                    status = chunk.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    guard status == Z_OK || status == Z_STREAM_END else {
                        throw GzipError(operation: "inflate", code: status)
                    }
                    output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                }
                return source.count - Int(stream.avail_in)
            }
            members.append(output)
            input = input.dropFirst(consumed)
        }
        return members
    }

    private func compress(
        _ chunks: [[UInt8]], level: Int32 = 6, members: GzipMembers = .standard
    ) throws -> [UInt8] {
        let memory = MemorySink()
        let gzip = try GzipSink(downstream: memory, level: level, members: members)
        for chunk in chunks { try gzip.write(chunk) }
        try gzip.close()
        #expect(memory.isClosed)
        return memory.bytes
    }

    /// Both kinds: libdeflate's members (small enough here that chunks span them) and zlib's one stream.
    static let memberKinds: [GzipMembers] = [.every(inputBytes: 100_000), .one]

    @Test(
        "round trip through zlib, chunks shorter and longer than a member",
        arguments: [0, 1, 6, 9] as [Int32], memberKinds)
    func roundTrip(level: Int32, members: GzipMembers) throws {
        // Letters from a linear congruential sequence: little for deflate to find, the same every run.
        var state: UInt32 = 1
        let chunks = (0..<40).map { index in
            [UInt8](unsafeUninitializedCapacity: index * 7_919 % 150_000) { buffer, count in
                for offset in buffer.indices {
                    state = state &* 1_103_515_245 &+ 12_345
                    buffer[offset] = UInt8(truncatingIfNeeded: state >> 16) & 15 + 65
                }
                count = buffer.count
            }
        }
        let compressed = try compress(chunks, level: level, members: members)
        #expect(try Self.gunzip(compressed) == chunks.flatMap { $0 })
        let total = chunks.reduce(0) { $0 + $1.count }
        #expect(try memberCount(compressed) == (members == .one ? 1 : (total + 99_999) / 100_000))
    }

    @Test(
        "the header has the gzip magic, no name and mtime 0, so equal input gives equal bytes", arguments: memberKinds)
    func deterministicHeader(members: GzipMembers) throws {
        let first = try compress([Array("same rows\n".utf8)], members: members)
        let second = try compress([Array("same ".utf8), Array("rows\n".utf8)], members: members)
        #expect(first[0] == 0x1F && first[1] == 0x8B && first[2] == 8)
        #expect(first[3] == 0)  // FLG: no name, no comment, no extra
        #expect(Array(first[4..<8]) == [0, 0, 0, 0])  // MTIME
        #expect(first == second)
    }

    @Test("an empty stream is still a valid gzip file: one empty member", arguments: memberKinds)
    func empty(members: GzipMembers) throws {
        let compressed = try compress([], members: members)
        #expect(try Self.gunzip(compressed) == [])
        #expect(try memberCount(compressed) == 1)
    }

    @Test("concatenated members read as one stream")
    func members() throws {
        let joined = try compress([Array("a\n".utf8)]) + compress([Array("b\n".utf8)])
        #expect(try Self.gunzip(joined) == Array("a\nb\n".utf8))
    }

    /// How many gzip members `data` holds.
    private func memberCount(_ data: [UInt8]) throws -> Int { try Self.members(data).count }

    @Test(
        "a member for each member's worth of input, cut at the same offsets however the input is written",
        arguments: [1, 999, 1_000, 1_001, 4_096] as [Int])
    func memberBoundaries(memberInputBytes: Int) throws {
        let text = (0..<3_000).map { UInt8(65 + ($0 * 7 % 26)) }
        let whole = try compress([text], members: .every(inputBytes: memberInputBytes))
        // Pieces of 1, 7, 13, … bytes: some shorter than a member, some spanning several.
        var pieces: [[UInt8]] = []
        var offset = 0
        var size = 1
        while offset < text.count {
            let end = min(text.count, offset + size)
            pieces.append(Array(text[offset..<end]))
            offset = end
            size = size * 6 + 1
        }
        #expect(try compress(pieces, members: .every(inputBytes: memberInputBytes)) == whole)
        #expect(try Self.gunzip(whole) == text)
        #expect(try memberCount(whole) == (text.count + memberInputBytes - 1) / memberInputBytes)
    }

    @Test("a level outside 0–9 is refused, naming the call")
    func levelRefused() {
        #expect { _ = try GzipSink(downstream: MemorySink(), level: 10) } throws: {
            "\($0)".contains("libdeflate_alloc_compressor(10)")
        }
    }
}

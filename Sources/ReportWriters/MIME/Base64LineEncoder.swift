/// Streams bytes out as base64 in lines of 76 characters ending in CRLF (RFC 2045), to a sink.
public final class Base64LineEncoder: ByteSink {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private let downstream: any ByteSink
    private let closesDownstream: Bool
    private var pending: [UInt8] = []
    private var column = 0
    private var output: [UInt8] = []

    /// - Parameter closesDownstream: whether ``close()`` also closes the downstream sink.
    public init(downstream: any ByteSink, closesDownstream: Bool = false) {
        self.downstream = downstream
        self.closesDownstream = closesDownstream
        output.reserveCapacity(1 << 16)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var index = 0
        if !pending.isEmpty {
            while pending.count < 3, index < bytes.count {
                pending.append(bytes[index])
                index += 1
            }
            guard pending.count == 3 else { return }
            emit(pending[0], pending[1], pending[2])
            pending.removeAll()
        }
        while index + 3 <= bytes.count {
            emit(bytes[index], bytes[index + 1], bytes[index + 2])
            index += 3
            if output.count >= 1 << 16 { try flush() }
        }
        pending.append(contentsOf: bytes[index...])
        try flush()
    }

    /// Writes the last group with padding and a final CRLF.
    public func close() throws {
        let alphabet = Self.alphabet
        switch pending.count {
        case 1:
            appendCharacters([alphabet[Int(pending[0] >> 2)], alphabet[Int((pending[0] & 0x03) << 4)], 61, 61])
        case 2:
            appendCharacters([
                alphabet[Int(pending[0] >> 2)], alphabet[Int((pending[0] & 0x03) << 4 | pending[1] >> 4)],
                alphabet[Int((pending[1] & 0x0F) << 2)], 61,
            ])
        default: break
        }
        pending.removeAll()
        if column > 0 {
            output.append(contentsOf: [13, 10])
            column = 0
        }
        try flush()
        if closesDownstream { try downstream.close() }
    }

    private func emit(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        let alphabet = Self.alphabet
        appendCharacters([
            alphabet[Int(a >> 2)], alphabet[Int((a & 0x03) << 4 | b >> 4)], alphabet[Int((b & 0x0F) << 2 | c >> 6)],
            alphabet[Int(c & 0x3F)],
        ])
    }

    private func appendCharacters(_ characters: [UInt8]) {
        output.append(contentsOf: characters)
        column += 4
        if column == 76 {
            output.append(contentsOf: [13, 10])
            column = 0
        }
    }

    private func flush() throws {
        guard !output.isEmpty else { return }
        try downstream.write(output)
        output.removeAll(keepingCapacity: true)
    }

    /// Base64 of `bytes` in CRLF-ended lines of 76 characters.
    public static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let memory = MemorySink()
        let encoder = Base64LineEncoder(downstream: memory)
        try? encoder.write(bytes)
        try? encoder.close()
        return memory.bytes
    }
}

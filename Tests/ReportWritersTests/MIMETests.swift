import Foundation
import ReportWriters
import Testing

@Suite("MIME pieces")
struct MIMETests {
    @Test(
        "base64 in CRLF lines of 76, equal to Foundation's for any length and any chunking",
        arguments: [0, 1, 2, 3, 56, 57, 58, 1000])
    func base64(length: Int) throws {
        let bytes = (0..<length).map { UInt8(($0 * 37 + 11) % 256) }
        let expected = Data(bytes).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        let whole = String(decoding: Base64LineEncoder.encode(bytes), as: UTF8.self)
        #expect(whole == (expected.isEmpty ? "" : expected + "\r\n"))
        let memory = MemorySink()
        let encoder = Base64LineEncoder(downstream: memory)
        for chunk in stride(from: 0, to: bytes.count, by: 7) {
            try encoder.write(Array(bytes[chunk..<min(chunk + 7, bytes.count)]))
        }
        try encoder.close()
        #expect(String(decoding: memory.bytes, as: UTF8.self) == whole)
    }

    @Test("ASCII headers are folded below 78 columns; non-ASCII and line breaks become RFC 2047 words")
    func headers() {
        let plain = String(
            decoding: MIMEHeader.line(
                "Subject",
                "Imported numbers 2026-11-29: 20 failed, 13 stale, 15 misconfigured, and a long tail of words"),
            as: UTF8.self)
        #expect(plain.hasSuffix("\r\n"))
        #expect(plain.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(plain.contains("\r\n "))
        let encoded = String(decoding: MIMEHeader.line("Subject", "Rapport: numéros échoués 😀"), as: UTF8.self)
        #expect(encoded.hasPrefix("Subject: =?UTF-8?B?"))
        let injected = String(decoding: MIMEHeader.line("Subject", "x\r\nBcc: victim@example.com"), as: UTF8.self)
        #expect(!injected.contains("\r\nBcc:"))
        #expect(injected.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix(" ") })
    }
}

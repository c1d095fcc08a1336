import ReportWriters
import Testing

/// The raw pages keep a body as JSON text only when it is valid UTF-8; the check must agree with the
/// standard library's exactly, or bytes would be lost (as U+FFFD) or a valid body Base64-encoded.
@Suite("UTF-8 validation agrees with the standard library")
struct UTF8ValidationTests {
    @Test(
        "edge cases: overlong forms, surrogates, past U+10FFFF, cut sequences, ASCII runs around them",
        arguments: [
            [], [0x41], Array("plain ASCII text longer than eight bytes".utf8), Array("é 😀 \u{2028} ☃".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0x80], [0xE2, 0x80], [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xC3],
            [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xFF, 0xC3, 0x28],
        ] as [[UInt8]])
    func edgeCases(bytes: [UInt8]) {
        #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
    }

    @Test("100,000 random byte strings, mostly text with damage", arguments: [1, 2] as [UInt64])
    func random(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let alphabet: [[UInt8]] = [
            Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xBF], [0xC0], [0xC2],
            [0xE0], [0xED], [0xF0], [0xF4], [0xF5], [0xFF], Array("\u{2028}".utf8), Array("ordinary".utf8),
        ]
        for _ in 0..<50_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 24) { bytes += alphabet[Int(next() % UInt64(alphabet.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(UTF8Validation.isValid(bytes) == expected, "\(bytes)")
            if UTF8Validation.isValid(bytes) != expected { return }
        }
    }
}

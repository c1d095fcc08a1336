import Testing

@testable import ReportWriters

@Suite("encoded sheet rows")
struct SheetRowsTests {
    @Test(
        "the next marker or placeholder is found at any place, after any filler, in a buffer of any length",
        arguments: [0x00, 0x01] as [UInt8])
    func nextMark(mark: UInt8) {
        // Filler: bytes just above the marks, ASCII's last, and bytes with the high bit set (which a word-at-a-time
        // test must not mistake for marks).
        for filler in [0x02, 0x7F, 0x80, 0xFF] as [UInt8] {
            for length in 0...24 {
                let plain = [UInt8](repeating: filler, count: length)
                plain.withUnsafeBytes { #expect(SheetRows.nextMark(in: $0, from: 0) == length) }
                for place in 0..<length {
                    var bytes = plain
                    bytes[place] = mark
                    bytes.withUnsafeBytes { buffer in
                        for start in 0...length {
                            let expected = start <= place ? place : length
                            #expect(
                                SheetRows.nextMark(in: buffer, from: start) == expected,
                                "filler \(filler), length \(length), mark at \(place), from \(start)")
                        }
                    }
                }
            }
        }
    }
}

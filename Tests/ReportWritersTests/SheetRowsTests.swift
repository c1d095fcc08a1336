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

    @Test(
        "every cell names its place, or (afterGaps) only one after a gap: not one that follows, or is first in column A",
        arguments: [
            (
                [.text("a"), .empty, .text("c"), .boolean(true), .empty, .empty, .number(2)] as [WorkbookCell],
                CellReferences.every,
                #"<c r="A\#0" t="inlineStr"><is><t>a</t></is></c><c r="C\#0" t="inlineStr"><is><t>c</t></is></c>"#
                    + #"<c r="D\#0" t="b"><v>1</v></c><c r="G\#0"><v>2.0</v></c>"#
            ),
            (
                [.text("a"), .empty, .text("c"), .boolean(true), .empty, .empty, .number(2)],
                .afterGaps,
                #"<c t="inlineStr"><is><t>a</t></is></c><c r="C\#0" t="inlineStr"><is><t>c</t></is></c>"#
                    + #"<c t="b"><v>1</v></c><c r="G\#0"><v>2.0</v></c>"#
            ),
            (
                [.empty, .text(" b"), .text("c")],
                .afterGaps,
                #"<c r="B\#0" t="inlineStr"><is><t xml:space="preserve"> b</t></is></c>"#
                    + #"<c t="inlineStr"><is><t>c</t></is></c>"#
            ),
            (
                [.date(secondsSince1970: 0), .empty, .date(secondsSince1970: 86_400), .date(secondsSince1970: 0)],
                .afterGaps,
                #"<c s="1"><v>25569.0</v></c><c r="C\#0" s="1"><v>25570.0</v></c><c s="1"><v>25569.0</v></c>"#
            ),
        ])
    func cellPlaces(cells: [WorkbookCell], references: CellReferences, expected: String) {
        var bytes: [UInt8] = []
        SheetRows(columnCount: 7, cellReferences: references).append(cells, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{01}<row r=\"\u{00}\">" + expected + "</row>")
    }
}

import ReportWriters
import Testing

@Suite("bytes gathered through a pointer")
struct ByteAccumulatorTests {
    @Test("pieces of every size keep their bytes and order across each growth", arguments: [1, 16, 1_000])
    func growth(capacity: Int) {
        var accumulator = ByteAccumulator(capacity: capacity)
        var expected: [UInt8] = []
        for size in 0..<300 {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            if size % 3 == 0 {
                for byte in piece { accumulator.append(byte) }
            } else {
                accumulator.append(piece)
            }
            expected += piece
        }
        #expect(accumulator.count == expected.count)
        #expect(accumulator.withBytes { Array($0) } == expected)
        accumulator.removeAll()
        accumulator.append([1, 2, 3])
        #expect(accumulator.withBytes { Array($0) } == [1, 2, 3])
    }

    @Test("the CSV and NDJSON encoders write the same bytes into an accumulator as into an array")
    func encodersAgree() {
        let cells: [Cell] = [
            .text("=SUM(A1)"), .text("a,b \"quoted\"\r\nline"), .absent, .integer(-42), .boolean(true),
            .list([.text("x;y"), .integer(7), .list([.text("z")])]), .text("\u{2028}é😀\u{0}"), .text(""),
        ]
        var csvEncoder = CSVEncoder(excelSafe: true)
        csvEncoder.escapesListItems = true
        let ndjsonEncoder = NDJSONEncoder(keys: cells.indices.map { "k\($0)" })
        var csvArray: [UInt8] = []
        var ndjsonArray: [UInt8] = []
        var csv = ByteAccumulator(capacity: 16)
        var ndjson = ByteAccumulator(capacity: 16)
        csvEncoder.appendRecord(cells, to: &csvArray)
        csvEncoder.appendRecord(cells, to: &csv)
        ndjsonEncoder.appendRecord(cells, to: &ndjsonArray)
        ndjsonEncoder.appendRecord(cells, to: &ndjson)
        #expect(csv.withBytes { Array($0) } == csvArray)
        #expect(ndjson.withBytes { Array($0) } == ndjsonArray)
    }
}

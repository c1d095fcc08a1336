import Testing

@testable import ReportWriters

@Suite("byte strings stored end to end")
struct ByteStringTableTests {
    @Test(
        "each string is appended whole and alone, empty ones and the last included",
        arguments: [
            [], [[]], [[0x41]], [[], [0x41, 0x42], []], [[0x7B, 0x22, 0x61, 0x22, 0x3A], [0x2C], [], [0x00, 0xFF]],
        ] as [[[UInt8]]])
    func appendsEach(strings: [[UInt8]]) {
        let table = ByteStringTable(strings)
        #expect(table.count == strings.count)
        #expect(table.isEmpty == strings.isEmpty)
        for (index, string) in strings.enumerated() {
            var output: [UInt8] = [0x2A]
            table.append(index, to: &output)
            #expect(output == [0x2A] + string, "string \(index)")
        }
    }
}

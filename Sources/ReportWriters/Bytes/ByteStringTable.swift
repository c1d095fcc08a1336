/// Short byte strings made once and appended often (a JSON key with its `,"…":`, a cell's markup), stored end to
/// end in one array. Appending one copies its bytes straight from that array: an array of arrays would hand out
/// each element retained and released again, twice for every column of every row.
struct ByteStringTable: Sendable {
    private let bytes: [UInt8]
    /// Where each string ends in ``bytes``; it starts where the one before it ends.
    private let ends: [Int]

    init(_ strings: [[UInt8]]) {
        bytes = strings.flatMap { $0 }
        var end = 0
        ends = strings.map {
            end += $0.count
            return end
        }
    }

    /// How many strings the table holds.
    var count: Int { ends.count }

    var isEmpty: Bool { ends.isEmpty }

    /// Appends the string at `index` to `output`.
    func append<Output: ByteOutput & ~Copyable>(_ index: Int, to output: inout Output) {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        bytes.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }
}

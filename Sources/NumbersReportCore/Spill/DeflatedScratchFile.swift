import ReportWriters

/// A ``ScratchFile`` holding one raw deflate stream (``DeflatedScratchFileWriter``), read back in order.
final class DeflatedScratchFile: Sendable {
    let file: ScratchFile
    /// The bytes it holds once inflated.
    let inflatedByteCount: Int

    init(file: ScratchFile, inflatedByteCount: Int) {
        self.file = file
        self.inflatedByteCount = inflatedByteCount
    }

    /// Where it was created, for messages.
    var path: String { file.path }
    /// The bytes it takes on disk.
    var compressedByteCount: Int { file.byteCount }

    /// Hands the inflated bytes to `body` in order, a chunk at a time.
    /// - Throws: ``ScratchFileError`` when the file cannot be read or does not inflate to the bytes written.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let inflater = StreamInflater()
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { block.deallocate() }
        var inflated = 0
        do {
            for offset in stride(from: 0, to: file.byteCount, by: block.count) {
                let compressed = UnsafeMutableRawBufferPointer(
                    rebasing: block[..<min(block.count, file.byteCount - offset)])
                try file.read(into: compressed, at: offset)
                try inflater.inflate(UnsafeRawBufferPointer(compressed)) { chunk in
                    inflated += chunk.count
                    try body(chunk)
                }
            }
        } catch let error as GzipError {
            throw ScratchFileError(operation: "inflate", path: file.path, errno: 0, reason: "\(error)")
        }
        guard inflater.isFinished, inflated == inflatedByteCount else {
            throw ScratchFileError(
                operation: "inflate", path: file.path, errno: 0,
                reason: "it inflates to \(inflated) bytes of the \(inflatedByteCount) written"
                    + (inflater.isFinished ? "" : ", without the deflate stream's end"))
        }
    }
}

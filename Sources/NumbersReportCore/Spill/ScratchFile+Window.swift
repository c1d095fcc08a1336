extension ScratchFile {
    /// Reads a scratch file a block at a time for one reader: bytes asked near those asked before (rows asked in
    /// increasing positions) come from the block last read, not from a system call each.
    struct Window {
        let file: ScratchFile
        /// The bytes read at a time (more when more are asked at once).
        let blockSize: Int
        private var start = 0
        private var block: [UInt8] = []

        init(_ file: ScratchFile, blockSize: Int) {
            self.file = file
            self.blockSize = blockSize
        }

        /// `count` bytes from `offset` on; fails if the file ends first.
        mutating func bytes(at offset: Int, count: Int) throws -> ArraySlice<UInt8> {
            if offset < start || offset + count > start + block.count {
                start = offset
                block = try file.bytes(at: offset, count: max(count, min(blockSize, file.byteCount - offset)))
            }
            return block[(offset - start)..<(offset - start + count)]
        }
    }
}

/// Writes a zip archive (PKWARE APPNOTE 6.3) as a stream: each entry deflated as its bytes arrive (by igzip:
/// ``StreamDeflater``), then the central directory. Written here rather than with ZIPFoundation, because the bytes must
/// not depend on the clock or the time zone: ZIPFoundation takes an entry's time as a `Date` and
/// turns it into MS-DOS local time with the process's time zone, and it wants a seekable file; here every
/// entry carries the fixed time 1980-01-01 00:00 (the MS-DOS epoch), no extra fields and no file
/// attributes, and entries are written in the order they are added. Sizes and CRC-32 follow each entry
/// in a data descriptor (flag bit 3), so nothing is buffered or rewritten. No ZIP64: more than 4 GiB or
/// 65,535 entries is an error.
///
/// The same input, the same igzip and the same kind of CPU give the same bytes (igzip picks its code for the CPU).
public final class ZipWriter {
    private let downstream: any ByteSink
    private let level: UInt32
    /// Bytes written to `downstream` so far: the next local header's offset.
    private var offset = 0
    private var directory: [UInt8] = []
    private var entryCount = 0
    private var entryOpen = false
    private var closed = false

    /// MS-DOS time 00:00:00 and date 1980-01-01: `(1980 - 1980) << 9 | 1 << 5 | 1`.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = 0x21
    /// Bit 3: sizes and CRC in a data descriptor; bit 11: the name is UTF-8.
    static let flags: UInt16 = 0x0808

    /// - Parameter level: igzip's level for every entry, 0 (fastest) to 3.
    public init(downstream: any ByteSink, level: UInt32 = 2) {
        self.downstream = downstream
        self.level = level
    }

    /// Starts the entry `name` (a `/`-separated path); its bytes go to the returned sink, whose `close()`
    /// ends the entry. One entry at a time.
    public func entry(_ name: String) throws -> ZipEntry {
        guard !entryOpen, !closed else { throw ZipError.misuse("entry \(name) started while another is open") }
        guard entryCount < 0xFFFF else { throw ZipError.tooLarge("the number of entries") }
        entryOpen = true
        let start = offset
        var header: [UInt8] = []
        header.appendLittleEndian(UInt32(0x0403_4B50))
        header.appendLittleEndian(UInt16(20))
        header.appendLittleEndian(Self.flags)
        header.appendLittleEndian(UInt16(8))
        header.appendLittleEndian(Self.dosTime)
        header.appendLittleEndian(Self.dosDate)
        header += [UInt8](repeating: 0, count: 12)  // CRC-32 and sizes: in the data descriptor
        header.appendLittleEndian(UInt16(name.utf8.count))
        header.appendLittleEndian(UInt16(0))
        header += name.utf8
        try emit(header)
        return try ZipEntry(name: name, level: level, writer: self, headerOffset: start)
    }

    /// Writes an entry whose bytes are all at hand.
    public func add(_ name: String, _ bytes: [UInt8]) throws {
        let entry = try entry(name)
        try entry.write(bytes)
        try entry.close()
    }

    /// Writes the central directory and its end record, and closes the downstream sink.
    public func close() throws {
        guard !closed else { return }
        guard !entryOpen else { throw ZipError.misuse("closed while an entry is open") }
        closed = true
        let directoryOffset = offset
        try emit(directory)
        guard directoryOffset <= 0xFFFF_FFFF, directory.count <= 0xFFFF_FFFF else {
            throw ZipError.tooLarge("the archive")
        }
        var end: [UInt8] = []
        end.appendLittleEndian(UInt32(0x0605_4B50))
        end.appendLittleEndian(UInt32(0))  // this disk, the directory's disk
        end.appendLittleEndian(UInt16(entryCount))
        end.appendLittleEndian(UInt16(entryCount))
        end.appendLittleEndian(UInt32(directory.count))
        end.appendLittleEndian(UInt32(directoryOffset))
        end.appendLittleEndian(UInt16(0))  // no comment
        try emit(end)
        try downstream.close()
    }

    /// Passes compressed bytes of the open entry (or headers) downstream.
    func emit(_ bytes: UnsafeRawBufferPointer) throws {
        try downstream.write(bytes)
        offset += bytes.count
    }

    func emit(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try emit($0) } }

    /// Called by ``ZipEntry/close()``: the data descriptor, and the entry's central directory record.
    func finishEntry(name: String, crc: UInt32, compressed: Int, uncompressed: Int, headerOffset: Int) throws {
        guard compressed <= 0xFFFF_FFFF, uncompressed <= 0xFFFF_FFFF, headerOffset <= 0xFFFF_FFFF else {
            throw ZipError.tooLarge("entry \(name)")
        }
        var descriptor: [UInt8] = []
        descriptor.appendLittleEndian(UInt32(0x0807_4B50))
        descriptor.appendLittleEndian(crc)
        descriptor.appendLittleEndian(UInt32(compressed))
        descriptor.appendLittleEndian(UInt32(uncompressed))
        try emit(descriptor)
        directory.appendLittleEndian(UInt32(0x0201_4B50))
        directory.appendLittleEndian(UInt16(20))  // made by: MS-DOS, version 2.0 (no file attributes)
        directory.appendLittleEndian(UInt16(20))
        directory.appendLittleEndian(Self.flags)
        directory.appendLittleEndian(UInt16(8))
        directory.appendLittleEndian(Self.dosTime)
        directory.appendLittleEndian(Self.dosDate)
        directory.appendLittleEndian(crc)
        directory.appendLittleEndian(UInt32(compressed))
        directory.appendLittleEndian(UInt32(uncompressed))
        directory.appendLittleEndian(UInt16(name.utf8.count))
        directory += [UInt8](repeating: 0, count: 12)  // extra, comment, disk, internal and external attributes
        directory.appendLittleEndian(UInt32(headerOffset))
        directory += name.utf8
        entryCount += 1
        entryOpen = false
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` least significant byte first, as zip headers store numbers.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        for index in 0..<MemoryLayout<T>.size { append(UInt8(truncatingIfNeeded: value >> (index * 8))) }
    }
}

/// Bytes gathered for a sink, written through a pointer: appending costs a capacity check and a copy, not an array's
/// uniqueness check and generic append, for the path that writes most of a night's bytes (each record of
/// `numbers.csv` and `numbers.ndjson.gz`, and each row of the *Problems* sheet, column by column). Unique: its storage
/// is freed when it goes.
public struct ByteAccumulator: ~Copyable {
    @usableFromInline var storage: UnsafeMutableRawPointer
    @usableFromInline var capacity: Int
    @usableFromInline var gathered = 0
    /// The bytes gathered.
    public var count: Int { gathered }

    /// - Parameter capacity: the bytes it holds before it first grows.
    public init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Makes room for `extra` more bytes.
    @inlinable
    public mutating func reserve(_ extra: Int) {
        if gathered + extra > capacity { grow(toAtLeast: gathered + extra) }
    }

    @usableFromInline
    mutating func grow(toAtLeast minimum: Int) {
        let larger = max(minimum, capacity * 2)
        let moved = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 16)
        moved.copyMemory(from: storage, byteCount: gathered)
        storage.deallocate()
        storage = moved
        capacity = larger
    }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        storage.storeBytes(of: byte, toByteOffset: gathered, as: UInt8.self)
        gathered += 1
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + gathered).copyMemory(from: source, byteCount: bytes.count)
        gathered += bytes.count
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    @inlinable
    public mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// The bytes gathered, valid during the call.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage, count: gathered))
    }

    /// Forgets the bytes gathered; keeps the storage.
    public mutating func removeAll() { gathered = 0 }
}

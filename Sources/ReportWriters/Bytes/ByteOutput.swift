/// Where the encoders append bytes: an array, or a ``ByteAccumulator`` (the rows' hot path). Their code is written
/// once, generic over this, and specialized for each; their public functions take either. Internal: an array's
/// `append(_:)` of a buffer, seen from other modules, would slow down the type-checking of their array literals.
protocol ByteOutput: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeRawBufferPointer)
    /// Takes back the last byte appended.
    @discardableResult mutating func removeLast() -> UInt8
}

extension ByteOutput where Self: ~Copyable {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// Appends a string's UTF-8.
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}

extension Array: ByteOutput where Element == UInt8 {
    mutating func append(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}

extension ByteAccumulator: ByteOutput {
    @discardableResult
    mutating func removeLast() -> UInt8 {
        precondition(gathered > 0, "a byte to take back")
        gathered -= 1
        return storage.load(fromByteOffset: gathered, as: UInt8.self)
    }
}

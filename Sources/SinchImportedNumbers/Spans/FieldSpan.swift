/// Where one field's value stands in a page's bytes, or that it has none, or that its bytes cannot be
/// copied as they are (see ``isPlain``). Its members are inlinable: the row files read one for each column.
package struct FieldSpan: Sendable, Equatable {
    /// The offset of the value's first byte (inside the quotes).
    package var start: UInt32
    /// Its length in bytes; ``absentLength`` or ``unplainLength`` for the two other cases.
    package var length: UInt32

    @usableFromInline static let absentLength = UInt32.max
    @usableFromInline static let unplainLength = UInt32.max - 1

    /// The field is absent or `null`.
    package static let absent = FieldSpan(start: 0, length: absentLength)
    /// The field has a value that is not a plain string (an escape, a byte outside printable ASCII, an
    /// integer): it is read from the decoded model instead.
    package static let unplain = FieldSpan(start: 0, length: unplainLength)

    @inlinable package init(start: UInt32, length: UInt32) {
        self.start = start
        self.length = length
    }

    /// Whether the value is a JSON string of printable ASCII (0x20–0x7E) without `\`: its bytes in the page are
    /// exactly the decoded text, which JSON writes as it is; CSV's quoting and formula guard and XML's escaping of
    /// `&`, `<`, `>` still apply to it.
    @inlinable package var isPlain: Bool { length < Self.unplainLength }
    /// Whether the field is absent or `null`.
    @inlinable package var isAbsent: Bool { length == Self.absentLength }
}

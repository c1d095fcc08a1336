/// For each record of a page decoded by the fast decoder, where each of its ``RecordField``s stands in the
/// page's bytes: what lets the row files copy a value instead of reading it back from a `String`.
///
/// Record `i` is `importedNumbers[i]` of the page's response (the fast decoder rejects no record).
package struct RecordSpans: Sendable {
    /// `RecordField.allCases.count` spans a record, record after record.
    private var spans: [FieldSpan]

    /// The spans a record has: one for each ``RecordField``.
    package static let fieldCount = RecordField.allCases.count

    /// Made only by the decoder, whose spans stand in the body it read.
    init() { spans = [] }

    /// The number of records.
    package var recordCount: Int { spans.count / Self.fieldCount }

    /// Hands each record's place and its ``RecordSource`` over `page`, the body these spans were read from, to
    /// `body`, in order.
    package func forEachRecord(in page: [UInt8], _ body: (Int, RecordSource) throws -> Void) rethrows {
        try page.withUnsafeBufferPointer { bytes in
            try spans.withUnsafeBufferPointer { spans in
                for index in 0..<recordCount {
                    let record = UnsafeBufferPointer(
                        rebasing: spans[(index * Self.fieldCount)...].prefix(Self.fieldCount))
                    try body(index, RecordSource(page: bytes, spans: record))
                }
            }
        }
    }

    /// Appends the next record's spans, `fieldCount` of them.
    mutating func append(_ record: UnsafeBufferPointer<FieldSpan>) {
        spans.append(contentsOf: record)
    }
}

/// One record's spans and the page bytes they point into, valid while the page's buffers are.
package struct RecordSource {
    /// The page's body.
    package let page: UnsafeBufferPointer<UInt8>
    /// The record's spans, one for each ``RecordField``.
    package let spans: UnsafeBufferPointer<FieldSpan>

    @inlinable package init(page: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<FieldSpan>) {
        self.page = page
        self.spans = spans
    }

    /// Where `field` stands in ``page``.
    @inlinable package func span(_ field: RecordField) -> FieldSpan { spans[field.rawValue] }

    /// The bytes of a plain span.
    @inlinable package func bytes(_ span: FieldSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: page[Int(span.start)..<Int(span.start + span.length)])
    }
}

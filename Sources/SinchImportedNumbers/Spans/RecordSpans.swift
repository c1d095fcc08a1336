/// For each record of a page decoded by the fast decoder, where each of its ``RecordField``s stands in the
/// page's bytes: what lets the row files copy a value instead of reading it back from a `String`.
///
/// Record `i` is `importedNumbers[i]` of the page's response (the fast decoder rejects no record).
package struct RecordSpans: Sendable {
    /// `RecordField.allCases.count` spans a record, record after record.
    package private(set) var spans: [FieldSpan]

    package static let fieldCount = RecordField.allCases.count

    package init(spans: [FieldSpan] = []) { self.spans = spans }

    /// The number of records.
    package var recordCount: Int { spans.count / Self.fieldCount }

    /// Appends the next record's spans, `fieldCount` of them.
    mutating func append(_ record: UnsafeBufferPointer<FieldSpan>) {
        spans.append(contentsOf: record)
    }
}

/// One record's spans and the page bytes they point into, valid while the page's buffers are.
@frozen package struct RecordSource {
    package let page: UnsafeBufferPointer<UInt8>
    package let spans: UnsafeBufferPointer<FieldSpan>

    @inlinable package init(page: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<FieldSpan>) {
        self.page = page
        self.spans = spans
    }

    @inlinable package func span(_ field: RecordField) -> FieldSpan { spans[field.rawValue] }

    /// The bytes of a plain span.
    @inlinable package func bytes(_ span: FieldSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: page[Int(span.start)..<Int(span.start + span.length)])
    }
}

/// What the email attaches of `problems.xlsx`: its bytes, or why it is not attached.
enum WorkbookAttachment: Sendable, Hashable {
    case attached([UInt8])
    /// Larger than what `email.maxAttachmentBytes` leaves beside the CSV: its size.
    case tooLarge(Int)

    /// The workbook's MIME type.
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The workbook written at `path`, attached when it is at most `maxBytes` long.
    static func of(path: String, maxBytes: Int) throws -> WorkbookAttachment {
        let size = FileSystem.size(path)
        guard size <= maxBytes else { return .tooLarge(size) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        try FileSystem.forEachChunk(path) { bytes.append(contentsOf: $0) }
        return .attached(bytes)
    }
}

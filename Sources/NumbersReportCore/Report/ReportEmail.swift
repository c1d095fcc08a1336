import Foundation
import ReportWriters
import SinchImportedNumbers

/// `data/report.eml`: the report as an RFC 5322 / MIME message, ready for `sendmail -t`.
///
/// `multipart/mixed` holding `multipart/alternative` (a plain-text summary and the XHTML report as
/// `text/html`) and `numbers.csv` as an attachment, gzipped above a size. Every body part is base64,
/// so no line is longer than 78 octets; line ends are CRLF.
struct ReportEmail {
    var settings: EmailSettings
    var document: ReportDocument
    var runID: String

    /// Writes the message to `sink` and closes it, reading the CSV from `csvPath` (compressed via `scratchDirectory`).
    func write(to sink: any ByteSink, html: [UInt8], csvPath: String, scratchDirectory: String) throws {
        let mixed = "=_mixed_\(runID)"
        let alternative = "=_alternative_\(runID)"
        var head: [UInt8] = []
        head += MIMEHeader.structuredLine("From", settings.from)
        head += MIMEHeader.structuredLine(
            "To", settings.to.isEmpty ? "undisclosed-recipients:;" : settings.to.joined(separator: ", "))
        if !settings.cc.isEmpty { head += MIMEHeader.structuredLine("Cc", settings.cc.joined(separator: ", ")) }
        head += MIMEHeader.line("Subject", "\(settings.subject): \(document.title)")
        head += MIMEHeader.structuredLine("Date", Self.rfc5322Date(document.context.clock))
        head += MIMEHeader.structuredLine("Message-ID", "<\(runID)@numbers-report.invalid>")
        head += MIMEHeader.structuredLine("MIME-Version", "1.0")
        head += MIMEHeader.structuredLine("Content-Type", "multipart/mixed; boundary=\"\(mixed)\"")
        head += Array("\r\nThis is a MIME message: the report is in its HTML part.\r\n".utf8)
        head += Array("\r\n--\(mixed)\r\n".utf8)
        head += MIMEHeader.structuredLine("Content-Type", "multipart/alternative; boundary=\"\(alternative)\"")
        head += Array("\r\n--\(alternative)\r\n".utf8)
        try sink.write(head)
        try part(
            sink, contentType: "text/plain; charset=UTF-8",
            body: Array(ReportTextSummary(document: document).render().utf8))
        try sink.write(Array("\r\n--\(alternative)\r\n".utf8))
        try part(sink, contentType: "text/html; charset=UTF-8", body: html)
        try sink.write(Array("\r\n--\(alternative)--\r\n\r\n--\(mixed)\r\n".utf8))
        try attachCSV(sink, csvPath: csvPath, scratchDirectory: scratchDirectory)
        try sink.write(Array("\r\n--\(mixed)--\r\n".utf8))
        try sink.close()
    }

    private func part(_ sink: any ByteSink, contentType: String, body: [UInt8], disposition: String? = nil) throws {
        var head = MIMEHeader.structuredLine("Content-Type", contentType)
        if let disposition { head += MIMEHeader.structuredLine("Content-Disposition", disposition) }
        head += MIMEHeader.structuredLine("Content-Transfer-Encoding", "base64")
        head += [13, 10]
        try sink.write(head)
        try sink.write(Base64LineEncoder.encode(body))
    }

    private func attachCSV(_ sink: any ByteSink, csvPath: String, scratchDirectory: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0
        var source = csvPath
        var name = "numbers.csv"
        var contentType = "text/csv; charset=UTF-8; name=\"numbers.csv\""
        // Why the CSV is not attached, if it is not.
        var tooLarge: String? = size > settings.maxAttachmentBytes ? "it is " : nil
        if size > settings.gzipAttachmentAboveBytes {
            let estimate = try Self.estimatedGzipSize(csvPath: csvPath, size: size)
            if estimate.bytes > settings.maxAttachmentBytes + settings.maxAttachmentBytes / 4 {
                // Clearly too large: not worth compressing a large CSV only to drop it.
                tooLarge =
                    "gzipped, it would be about \(estimate.bytes) bytes (estimated from its first "
                    + "\(estimate.sample) bytes), "
            } else {
                source = scratchDirectory + "/numbers.csv.gz"
                name = "numbers.csv.gz"
                contentType = "application/gzip; name=\"numbers.csv.gz\""
                // Compression stops as soon as the result outgrows the cap.
                let file = try FileSink(path: source)
                do {
                    try Self.copy(
                        from: csvPath,
                        to: GzipSink(
                            downstream: CappedSink(downstream: file, limit: settings.maxAttachmentBytes), level: 6))
                    tooLarge = nil
                } catch is CappedSink.LimitExceeded {
                    try? file.close()
                    tooLarge = "even gzipped, it is "
                }
            }
        }
        defer { if source != csvPath { unlink(source) } }
        if let tooLarge {
            let note =
                "numbers.csv is not attached: \(tooLarge)larger than email.maxAttachmentBytes "
                + "(\(settings.maxAttachmentBytes) bytes). It is in the snapshot's data/ directory.\r\n"
            try part(sink, contentType: "text/plain; charset=UTF-8", body: Array(note.utf8))
            return
        }
        var head = MIMEHeader.structuredLine("Content-Type", contentType)
        head += MIMEHeader.structuredLine("Content-Disposition", "attachment; filename=\"\(name)\"")
        head += MIMEHeader.structuredLine("Content-Transfer-Encoding", "base64")
        head += [13, 10]
        try sink.write(head)
        try Self.copy(from: source, to: Base64LineEncoder(downstream: sink))
    }

    /// How much of a large CSV is compressed to estimate the size of all of it gzipped.
    static let sampleBytes = 4 << 20

    /// The gzipped size of the whole CSV, extrapolated from its first quarter, at most ``sampleBytes``
    /// (rows of one file compress alike).
    static func estimatedGzipSize(csvPath: String, size: Int) throws -> (bytes: Int, sample: Int) {
        guard let handle = FileHandle(forReadingAtPath: csvPath) else {
            throw OutputFileError(operation: "read", path: csvPath, errno: errno)
        }
        defer { try? handle.close() }
        let sample = try handle.read(upToCount: min(sampleBytes, max(1, size / 4))) ?? Data()
        let compressed = MemorySink()
        let gzip = try GzipSink(downstream: compressed, level: 6)
        try sample.withUnsafeBytes { try gzip.write($0) }
        try gzip.close()
        return (Int(Double(compressed.bytes.count) * Double(size) / Double(max(1, sample.count))), sample.count)
    }

    /// Streams a file into a sink and closes the sink.
    private static func copy(from path: String, to sink: any ByteSink) throws {
        try FileCopy.append(path, to: sink)
        try sink.close()
    }

    /// `Sun, 29 Nov 2026 02:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

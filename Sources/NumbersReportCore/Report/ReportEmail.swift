import Foundation
import ReportWriters
import SinchImportedNumbers

/// `data/report.eml`: the report as an RFC 5322 / MIME message, ready for `sendmail -t`.
///
/// `multipart/mixed` holding `multipart/alternative` (a plain-text summary and the XHTML report as
/// `text/html`), `numbers.csv` as an attachment, gzipped above a size, and `problems.xlsx`. Every body part is base64,
/// so no line is longer than 78 octets; line ends are CRLF.
struct ReportEmail {
    var settings: EmailSettings
    var document: ReportDocument
    var runID: String

    /// Writes the message to `sink` and closes it: the report's `html`, the CSV as prepared while it was joined,
    /// and the workbook (none for a snapshot of row format v1, which had none).
    func write(
        to sink: any ByteSink, html: [UInt8], attachment: CSVAttachment, workbook: WorkbookAttachment?
    ) throws {
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
        try attachCSV(sink, attachment)
        try sink.write(Array("\r\n--\(mixed)\r\n".utf8))
        if let workbook { try attachWorkbook(sink, workbook) }
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

    private func attachCSV(_ sink: any ByteSink, _ attachment: CSVAttachment) throws {
        let csvName = PayloadPath.numbersCSV.fileName
        let (name, contentType, body): (String, String, [UInt8])
        switch attachment {
        case .plain(let bytes):
            (name, contentType, body) = (csvName, "text/csv; charset=UTF-8; name=\"\(csvName)\"", bytes)
        case .gzipped(let bytes):
            (name, contentType, body) = (csvName + ".gz", "application/gzip; name=\"\(csvName).gz\"", bytes)
        case .notAttached(let tooLarge):
            let note =
                "\(csvName) is not attached: \(tooLarge)larger than email.maxAttachmentBytes "
                + "(\(settings.maxAttachmentBytes) bytes). It is in the snapshot's data/ directory.\r\n"
            try part(sink, contentType: "text/plain; charset=UTF-8", body: Array(note.utf8))
            return
        }
        try attach(sink, name: name, contentType: contentType, body: body)
    }

    private func attachWorkbook(_ sink: any ByteSink, _ workbook: WorkbookAttachment) throws {
        let name = PayloadPath.problemsWorkbook.fileName
        switch workbook {
        case .attached(let bytes):
            try attach(
                sink, name: name, contentType: "\(WorkbookAttachment.contentType); name=\"\(name)\"", body: bytes)
        case .tooLarge(let size):
            let note =
                "\(name) is not attached: it is \(size) bytes, and the attachments together may not be larger than "
                + "email.maxAttachmentBytes (\(settings.maxAttachmentBytes) bytes). It is in the snapshot's data/ "
                + "directory.\r\n"
            try part(sink, contentType: "text/plain; charset=UTF-8", body: Array(note.utf8))
        }
    }

    private func attach(_ sink: any ByteSink, name: String, contentType: String, body: [UInt8]) throws {
        var head = MIMEHeader.structuredLine("Content-Type", contentType)
        head += MIMEHeader.structuredLine("Content-Disposition", "attachment; filename=\"\(name)\"")
        head += MIMEHeader.structuredLine("Content-Transfer-Encoding", "base64")
        head += [13, 10]
        try sink.write(head)
        try sink.write(Base64LineEncoder.encode(body))
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

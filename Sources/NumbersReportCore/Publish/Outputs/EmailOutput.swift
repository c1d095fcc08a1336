/// `report.eml`: the same report as an email, with the CSV attachment prepared while the rows were joined and
/// `problems.xlsx` (``WorkbookOutput`` writes it first).
/// Written last, once the row files are joined (``PublishPipeline``).
struct EmailOutput {
    let file = PayloadPath.email

    func write(_ night: NightReport, rowFiles: JoinedRowFiles, into snapshot: SnapshotDirectory) throws {
        let results = night.facts.results
        // One budget for both attachments (mail servers limit the message, not each part): the CSV's share first.
        let csvBytes: Int
        switch rowFiles.csvAttachment {
        case .plain(let bytes), .gzipped(let bytes): csvBytes = bytes.count
        case .notAttached: csvBytes = 0
        }
        try ReportEmail(settings: results.configuration.email, document: night.document.forEmail, runID: results.runID)
            .write(
                to: try snapshot.createPayloadFile(file), html: night.emailHTML,
                attachment: rowFiles.csvAttachment,
                workbook: results.rowFormat == .v1
                    ? nil
                    : try WorkbookAttachment.of(
                        path: snapshot.pathOfWrittenFile(.problemsWorkbook),
                        maxBytes: max(0, results.configuration.email.maxAttachmentBytes - csvBytes)))
    }
}

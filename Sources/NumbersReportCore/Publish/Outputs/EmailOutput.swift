/// `report.eml`: the same report as an email, with the CSV attachment prepared while the rows were joined and
/// `problems.xlsx` (``WorkbookOutput`` writes it first).
struct EmailOutput: SnapshotOutput {
    let file = PayloadPath.email

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        let results = night.facts.results
        // One budget for both attachments (mail servers limit the message, not each part): the CSV's share first.
        let csvBytes: Int
        switch night.facts.rowFiles.csvAttachment {
        case .plain(let bytes), .gzipped(let bytes): csvBytes = bytes.count
        case .notAttached: csvBytes = 0
        }
        try ReportEmail(settings: results.configuration.email, document: night.document.forEmail, runID: results.runID)
            .write(
                to: try snapshot.createPayloadFile(file), html: night.emailHTML,
                attachment: night.facts.rowFiles.csvAttachment,
                workbook: results.rowFormat == .v1
                    ? nil
                    : try WorkbookAttachment.of(
                        path: snapshot.pathOfWrittenFile(.problemsWorkbook),
                        maxBytes: max(0, results.configuration.email.maxAttachmentBytes - csvBytes)))
    }
}

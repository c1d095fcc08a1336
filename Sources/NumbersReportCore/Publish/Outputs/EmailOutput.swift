/// `report.eml`: the same report as an email, with the CSV attachment prepared while the rows were joined and
/// `problems.xlsx` (``WorkbookOutput`` writes it first).
struct EmailOutput: SnapshotOutput {
    let file = PayloadPath.email

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        let results = night.facts.results
        try ReportEmail(settings: results.configuration.email, document: night.document.forEmail, runID: results.runID)
            .write(
                to: try snapshot.createPayloadFile(file), html: night.emailHTML,
                attachment: night.facts.rowFiles.csvAttachment,
                workbook: try WorkbookAttachment.of(
                    path: snapshot.pathOfWrittenFile(.problemsWorkbook),
                    maxBytes: results.configuration.email.maxAttachmentBytes))
    }
}

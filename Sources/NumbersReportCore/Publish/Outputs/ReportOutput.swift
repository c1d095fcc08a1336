/// `report.xhtml`: the report as rendered once for the night.
struct ReportOutput: SnapshotOutput {
    let file = PayloadPath.report

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        try snapshot.writePayloadFile(file, night.xhtml)
    }
}

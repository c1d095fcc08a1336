/// `problems.xlsx`: the night's problem rows, its changes and the glossary as a workbook (``ProblemsWorkbook``),
/// written before the email, which attaches it. Not written for row format v1.
struct WorkbookOutput: SnapshotOutput {
    let file = PayloadPath.problemsWorkbook

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        let results = night.facts.results
        guard results.rowFormat != .v1 else { return }  // a v1 snapshot had none: `render` rebuilds it as it was
        try ProblemsWorkbook(
            format: results.rowFormat, changes: night.facts.history.changes,
            cellReferences: results.configuration.output.effectiveXLSXCellReferences
        ).write(problemRows: results.problemRows, to: try snapshot.createPayloadFile(file))
    }
}

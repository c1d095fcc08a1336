import ReportWriters

/// `problems.xlsx`: the night's rows that are not HEALTHY (sheet *Problems*, the columns of `numbers.csv`
/// in its order, typed), the changes since the previous night (*Changes*) and the reason catalog
/// (*Glossary*), with a *Notes* sheet when something needs saying (a table split over sheets, no
/// previous night). A pure function of the night's rows and its comparison: the same night gives the same
/// bytes.
struct ProblemsWorkbook {
    /// The row format the rows were written in: the *Problems* sheet's columns.
    var format: RowFormat
    /// The night's comparison with the previous one, as the report shows it.
    var changes: ReportHistory.Changes?
    /// Where a table goes on to its next sheet.
    var maximumRowsPerSheet = WorkbookWriter.maximumRowsPerSheet
    /// Which cells name their place: what the problem rows were encoded with (`output.xlsx.cellReferences`).
    var cellReferences: CellReferences

    /// Writes the workbook to `sink` and closes it, the problem rows copied from the files the scopes' rows
    /// writers made (``RowFilesWriter``: the same cells as `numbers.csv`, in its order).
    func write(problemRows: [DeflatedScratchFile], to sink: any ByteSink) throws {
        let workbook = WorkbookWriter(
            downstream: sink, maximumRowsPerSheet: maximumRowsPerSheet, cellReferences: cellReferences)
        try workbook.beginTable("Problems", columns: format.columns.map(\.workbookColumn))
        for file in problemRows {
            try file.forEachChunk { try workbook.appendRows($0) }
        }
        try writeChanges(to: workbook)
        try writeGlossary(to: workbook)
        try workbook.close()
    }

    /// *Glossary*: every kind of finding, worst first, then the codes with advice of their own.
    private func writeGlossary(to workbook: WorkbookWriter) throws {
        try workbook.beginTable(
            "Glossary",
            columns: [
                WorkbookColumn("level"), WorkbookColumn("code", width: 34), WorkbookColumn("meaning", width: 80),
                WorkbookColumn("who acts", width: 20), WorkbookColumn("next step", width: 80),
                WorkbookColumn("link", width: 40),
            ])
        let glossary = ReasonCatalog.glossary
        for line in glossary.kinds + glossary.codes {
            try workbook.appendRow([
                line.level.map { WorkbookCell.text($0.name) } ?? .empty, .text(line.code), .text(line.entry.meaning),
                .text(line.entry.actor.title), .text(line.entry.nextStep),
                line.entry.link.map(WorkbookCell.text) ?? .empty,
            ])
        }
    }
}

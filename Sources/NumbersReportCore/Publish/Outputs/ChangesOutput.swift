import ReportWriters

/// `changes.csv`: every change since the previous night, worst first, in the columns of
/// ``SnapshotChange/columns``, encoded by ``SnapshotChange/csvEncoder`` as `diff --format csv` prints them, with
/// `numbers.csv`'s byte order mark.
/// Only a header when there is no previous night to compare with. Not written for row format v1 (rebuilt as it was).
struct ChangesOutput: SnapshotOutput {
    let file = PayloadPath.changes

    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws {
        let results = night.facts.results
        guard results.rowFormat != .v1 else { return }
        let output = results.configuration.output
        let encoder = SnapshotChange.csvEncoder
        let sink = try snapshot.createPayloadFile(file)
        var bytes: [UInt8] = output.csvByteOrderMark ? CSVEncoder.byteOrderMark : []
        encoder.appendHeader(SnapshotChange.columnNames, to: &bytes)
        if let changes = night.facts.history.changes {
            try changes.all.forEach { change in
                encoder.appendRecord(change.cells(labels: changes.labels), to: &bytes)
                if bytes.count >= 1 << 16 {
                    try sink.write(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
        }
        try sink.write(bytes)
        try sink.close()
    }
}

import ReportWriters

/// The first publish stage: the scopes' part files joined, in config order, into `numbers.csv`,
/// `numbers.ndjson.gz` and `raw/pages.ndjson.gz` (the gzip files are the parts' members one after the
/// other: one valid gzip file), hashed as they are copied; the email's CSV attachment prepared from
/// the same bytes. The CSV and the two gzip files are joined on two threads.
struct RowFilesJoin {
    var results: NightResults

    func join(into snapshot: SnapshotDirectory) throws -> JoinedRowFiles {
        let output = results.configuration.output
        // A part without pages (a scope that failed at once) adds nothing, as when `render` rebuilds it.
        let parts = results.outcome.scopes.indices.filter { results.outcome.scopes[$0].pages > 0 }.map {
            snapshot.partFiles(scopeIndex: $0)
        }
        let header = RowFilesWriter.csvHeader(output: output, format: results.rowFormat)
        let attachment = try CSVAttachmentTap(
            settings: results.configuration.email,
            size: header.count + parts.reduce(0) { $0 + FileSystem.size($1.csv) })
        // The gzip files on a thread of their own, `numbers.csv` (the most bytes) on this one.
        let gzipFiles = OverlappedWork { [parts] in
            let ndjson = try snapshot.createPayloadFile(.numbersNDJSON)
            let rawPages = try snapshot.createPayloadFile(.rawPages)
            for part in parts {
                try FileSystem.forEachChunk(part.ndjson, direct: true) { try ndjson.write($0) }
                try FileSystem.forEachChunk(part.rawPages, direct: true) { try rawPages.write($0) }
                Self.remove([part.ndjson, part.rawPages])
            }
            try ndjson.close()
            try rawPages.close()
        }
        do {
            let csv = try snapshot.createPayloadFile(.numbersCSV)
            try header.withUnsafeBytes { bytes in
                try csv.write(bytes)
                try attachment.take(bytes)
            }
            for part in parts {
                try FileSystem.forEachChunk(part.csv, direct: true) { bytes in
                    try csv.write(bytes)
                    try attachment.take(bytes)
                }
                Self.remove([part.csv])
            }
            try csv.close()
        } catch {
            try gzipFiles.value()  // its own error first, as when it came first
            throw error
        }
        try gzipFiles.value()
        snapshot.removeParts()
        return JoinedRowFiles(csvAttachment: try attachment.finish())
    }

    /// Removes part files at once, not with the others at the end: the memory their cached pages held then takes the
    /// next part's copy, which would otherwise take memory not yet used (on a virtual machine, each first use of a
    /// page can cost more than the copy itself).
    private static func remove(_ paths: [String]) {
        for path in paths { FileSystem.removeTree(path) }
    }
}

import Foundation
import ReportWriters
import SinchImportedNumbers

/// `render`: rebuilds a snapshot from its `data/raw/` alone — the pages as received and the run
/// record (clock, config, how each scope ended) — through the same stages as the nightly run.
public struct SnapshotRender: Sendable {
    public var snapshot: String
    public var outputDirectory: String

    public init(snapshot: String, outputDirectory: String) {
        self.snapshot = snapshot
        self.outputDirectory = outputDirectory
    }

    /// A problem with the raw data of the snapshot.
    public struct RenderError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Publishes the rebuilt snapshot under the output directory and returns its path. Holds the output
    /// directory's lock meanwhile, like a run: a run into the same directory cannot remove its partial.
    public func render() throws -> String {
        let recordPath = SnapshotLocation(path: snapshot).path(of: .runRecord)
        guard let recordData = FileManager.default.contents(atPath: recordPath) else {
            throw RenderError(description: "\(recordPath): missing; render needs a snapshot written by numbers-report")
        }
        let record: RunRecord
        do {
            record = try JSONDecoder().decode(RunRecord.self, from: recordData)
        } catch {
            throw RenderError(description: "\(recordPath): \(error)")
        }
        guard let clock = APITimestamp.parse(record.snapshotTime) else {
            throw RenderError(description: "\(recordPath): snapshotTime \(record.snapshotTime) is not a date-time")
        }
        var configuration = record.configuration
        configuration.output.directory = outputDirectory
        // The output directory as that night's run would have made it.
        let lock = try OutputDirectoryLock(
            directory: outputDirectory, directoryMode: configuration.output.effectiveDirectoryMode,
            fileMode: configuration.output.effectiveFileMode)
        defer { lock.release() }
        let template =
            configuration.output.xhtmlTemplate.flatMap { try? ReportTemplate.load(path: $0, configFile: recordPath) }
            ?? .builtIn
        let assembler = try SnapshotAssembler(
            configuration: configuration, clock: clock, template: template, runID: SnapshotArchive.newRunID(),
            rowFormat: record.rowFormat ?? .v1)
        do {
            let pagesPath = SnapshotLocation(path: snapshot).path(of: .rawPages)
            let reader = try GzipReader(path: pagesPath)
            let decoder = JSONDecoder()
            let factory = assembler.partFactory
            var part: ScopePart?
            var lineNumber = 0
            while let line = try reader.nextLine() {
                lineNumber += 1
                let raw = try decoder.decode(RawPagesWriter.Line.self, from: Data(line))
                guard configuration.scopes.indices.contains(raw.scope) else {
                    throw RenderError(
                        description: "\(pagesPath):\(lineNumber): scope \(raw.scope) is not in the run record")
                }
                guard let body = raw.bodyBytes() else {
                    throw RenderError(
                        description: "\(pagesPath):\(lineNumber): neither body nor a valid bodyBase64 in the line")
                }
                let decoded = try ListImportedNumbersResponse.decodeWithSpans(from: body)
                let scope = configuration.scopes[raw.scope]
                let page = ImportedNumbersPage(
                    query: scope.query(pageSize: configuration.api.pageSize), number: raw.page, pageToken: nil,
                    requestTarget: raw.request, fetchedAt: APITimestamp.parse(raw.fetchedAt) ?? clock, body: body,
                    response: decoded.response, recordSpans: decoded.spans)
                if part?.index != raw.scope {
                    if let finished = part { assembler.absorb(try finished.finish(), scopeIndex: finished.index) }
                    part = try factory.makePart(scopeIndex: raw.scope)
                }
                try part!.add(page)
            }
            if let finished = part { assembler.absorb(try finished.finish(), scopeIndex: finished.index) }
            for (index, scope) in record.scopes.enumerated() {
                if let failure = scope.failure { assembler.fail(scopeIndex: index, failure) }
            }
            return try assembler.publish(requests: 0, retries: 0)
        } catch {
            assembler.discard()
            throw error
        }
    }
}

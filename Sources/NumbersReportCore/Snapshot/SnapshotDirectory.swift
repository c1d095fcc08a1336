import Foundation
import ReportWriters
import SinchImportedNumbers
import Synchronization

/// A snapshot being built: a hidden `OUTPUT/.partial-<run id>/` that becomes `OUTPUT/<UTC time>/`
/// in one rename once every file is written and synced. A crash leaves only the hidden directory,
/// which the next run removes.
///
/// Payload files are created through ``createPayloadFile(_:)`` so that their checksums are known when
/// the bag's manifests are written at ``publish(clock:bagInfo:)``. Files may be written from several threads at once
/// (publication joins the row files while it writes the report).
public final class SnapshotDirectory: Sendable {
    /// The output directory the snapshot is published into.
    public let outputDirectory: String
    /// The run id: part of the partial directory's name.
    public let runID: String
    /// Where the files are written until publication.
    public let partialPath: String
    /// The payload files written so far, and whether the snapshot is still being built; also held while a payload
    /// file's directories are made.
    private let progress = Mutex(Progress())

    private struct Progress {
        var payload: [PayloadEntry] = []
        var state: State = .building
    }

    private enum State { case building, published(String), discarded }

    /// The payload files written so far.
    public var payload: [PayloadEntry] { progress.withLock { $0.payload } }

    /// The mode of every file written here (`output.fileMode`).
    public let fileMode: Int
    /// The mode of every directory made here (`output.directoryMode`).
    public let directoryMode: Int

    /// Creates `OUTPUT/.partial-<run id>/data/` (and OUTPUT if missing), with `directoryMode`.
    public init(
        outputDirectory: String, runID: String, fileMode: Int = OutputSettings.defaultFileMode,
        directoryMode: Int = OutputSettings.defaultDirectoryMode
    ) throws {
        self.outputDirectory = outputDirectory
        self.runID = runID
        self.fileMode = fileMode
        self.directoryMode = directoryMode
        self.partialPath = outputDirectory + "/" + SnapshotArchive.partialPrefix + runID
        try FileSystem.makeDirectories(outputDirectory, mode: directoryMode)
        try FileSystem.makeDirectory(partialPath, mode: directoryMode)
        try FileSystem.makeDirectory(dataPath, mode: directoryMode)
        do {
            try FileSystem.makeDirectory(partsPath, mode: directoryMode)
        } catch {
            FileSystem.removeTree(partialPath)
            throw error
        }
    }

    /// `…/data`: the payload directory.
    var dataPath: String { partialPath + "/" + PayloadPath.payloadDirectory }

    /// Where scratch files of the run go (``ScratchFileWriter``: unlinked as soon as they are created, never part
    /// of the snapshot), on the output's file system.
    public var scratchPath: String { partialPath }

    /// Where the scopes' part files are written until they are joined (outside the payload).
    private var partsPath: String { partialPath + "/parts" }

    /// The part files of the scope at `scopeIndex`: its CSV records, its gzip member of NDJSON rows and
    /// its gzip member of raw pages, joined in config order by ``joinParts(scopeIndices:header:)``.
    public func partFiles(scopeIndex: Int) -> ScopePartFiles {
        let base = partsPath + "/scope-\(scopeIndex)"
        return ScopePartFiles(
            csv: base + ".csv", ndjson: base + ".ndjson.gz", rawPages: base + ".pages.ndjson.gz",
            scratchDirectory: partsPath, mode: fileMode)
    }

    /// Removes the part files once they are joined.
    public func removeParts() { FileSystem.removeTree(partsPath) }

    /// A new payload file, hashed as it is written.
    public func createPayloadFile(_ file: PayloadPath) throws -> PayloadFile {
        let components = file.relativePath.split(separator: "/")
        try progress.withLock { _ in
            var directory = dataPath
            for component in components.dropLast() {
                directory += "/" + component
                if !FileSystem.exists(directory) { try FileSystem.makeDirectory(directory, mode: directoryMode) }
            }
        }
        return try PayloadFile(path: file.bagPath, absolutePath: dataPath + "/" + file.relativePath, mode: fileMode) {
            [unowned self] entry in self.progress.withLock { $0.payload.append(entry) }
        }
    }

    /// Where a payload file written here is, to read it back before publication.
    public func pathOfWrittenFile(_ file: PayloadPath) -> String { dataPath + "/" + file.relativePath }

    /// Writes a whole payload file.
    public func writePayloadFile(_ file: PayloadPath, _ bytes: [UInt8]) throws {
        let sink = try createPayloadFile(file)
        try sink.write(bytes)
        try sink.close()
    }

    /// `<bytes>.<files>` of the payload written so far.
    public var payloadOxum: String {
        "\(payload.reduce(0) { $0 + $1.byteCount }).\(payload.count)"
    }

    /// Writes the tag files, syncs everything and renames the snapshot into view as
    /// `<UTC yyyy-MM-ddTHHmmssZ>` (with `-2`, `-3`, … when that name is taken). Existing snapshots are
    /// never touched.
    /// - Returns: the published path.
    public func publish(clock: Date, bagInfo: BagInfo) throws -> SnapshotLocation {
        guard case .building = progress.withLock({ $0.state }) else { preconditionFailure("publish called twice") }
        let payload = self.payload
        try BagTagFiles(payload: payload, bagInfo: bagInfo, fileMode: fileMode).write(to: partialPath)
        for directory in Set(
            payload.map { partialPath + "/" + $0.path.split(separator: "/").dropLast().joined(separator: "/") })
        {
            try FileSystem.syncDirectory(directory)
        }
        try FileSystem.syncDirectory(dataPath)
        try FileSystem.syncDirectory(partialPath)
        let baseName = APITimestamp.formatCompact(clock)
        var suffix = 1
        while true {
            let name = suffix == 1 ? baseName : "\(baseName)-\(suffix)"
            let destination = outputDirectory + "/" + name
            if !FileSystem.exists(destination) {
                do {
                    try FileSystem.rename(partialPath, to: destination)
                    try FileSystem.syncDirectory(outputDirectory)
                    progress.withLock { $0.state = .published(destination) }
                    return SnapshotLocation(path: destination)
                } catch let error as OutputFileError where error.errno == ENOTEMPTY || error.errno == EEXIST {
                    // Another run took the name between the check and the rename: try the next one.
                }
            }
            suffix += 1
        }
    }

    /// Removes the partial directory: nothing of this run stays in view.
    public func discard() {
        guard case .building = progress.withLock({ $0.state }) else { return }
        FileSystem.removeTree(partialPath)
        progress.withLock { $0.state = .discarded }
    }
}

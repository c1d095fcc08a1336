import Foundation
import ReportWriters
import SinchImportedNumbers

/// A snapshot being built: a hidden `OUTPUT/.partial-<run id>/` that becomes `OUTPUT/<UTC time>/`
/// in one rename once every file is written and synced. A crash leaves only the hidden directory,
/// which the next run removes.
///
/// Payload files are created through ``createPayloadFile(_:)`` so that their checksums are known when
/// the bag's manifests are written at ``publish(clock:bagInfo:)``.
public final class SnapshotDirectory {
    /// The output directory the snapshot is published into.
    public let outputDirectory: String
    /// The run id: part of the partial directory's name.
    public let runID: String
    /// Where the files are written until publication.
    public let partialPath: String
    /// The payload files written so far.
    public private(set) var payload: [PayloadEntry] = []
    private var state: State = .building

    private enum State { case building, published(String), discarded }

    /// Creates `OUTPUT/.partial-<run id>/data/` (and OUTPUT if missing).
    public init(outputDirectory: String, runID: String) throws {
        self.outputDirectory = outputDirectory
        self.runID = runID
        self.partialPath = outputDirectory + "/" + SnapshotArchive.partialPrefix + runID
        try FileSystem.makeDirectories(outputDirectory)
        try FileSystem.makeDirectory(partialPath)
        try FileSystem.makeDirectory(dataPath)
    }

    /// `…/data`: the payload directory.
    public var dataPath: String { partialPath + "/data" }

    /// A new payload file at `relativePath` under `data/` (e.g. `raw/pages.ndjson.gz`), hashed as it is written.
    public func createPayloadFile(_ relativePath: String) throws -> PayloadFile {
        let components = relativePath.split(separator: "/")
        var directory = dataPath
        for component in components.dropLast() {
            directory += "/" + component
            if !FileSystem.exists(directory) { try FileSystem.makeDirectory(directory) }
        }
        return try PayloadFile(path: "data/" + relativePath, absolutePath: dataPath + "/" + relativePath) {
            [unowned self] entry in self.payload.append(entry)
        }
    }

    /// `<bytes>.<files>` of the payload written so far.
    public var payloadOxum: String {
        "\(payload.reduce(0) { $0 + $1.byteCount }).\(payload.count)"
    }

    /// Writes the tag files, syncs everything and renames the snapshot into view as
    /// `<UTC yyyy-MM-ddTHHmmssZ>` (with `-2`, `-3`, … when that name is taken). Existing snapshots are
    /// never touched.
    /// - Returns: the published path.
    public func publish(clock: Date, bagInfo: BagInfo) throws -> String {
        guard case .building = state else { preconditionFailure("publish called twice") }
        try BagTagFiles(payload: payload, bagInfo: bagInfo).write(to: partialPath)
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
                    state = .published(destination)
                    return destination
                } catch let error as OutputFileError where error.errno == ENOTEMPTY || error.errno == EEXIST {
                    // Another run took the name between the check and the rename: try the next one.
                }
            }
            suffix += 1
        }
    }

    /// Removes the partial directory: nothing of this run stays in view.
    public func discard() {
        guard case .building = state else { return }
        FileSystem.removeTree(partialPath)
        state = .discarded
    }
}

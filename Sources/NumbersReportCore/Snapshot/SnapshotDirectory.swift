import Foundation
import ReportWriters
import SinchImportedNumbers

/// A snapshot being built: a hidden `OUTPUT/.partial-<run id>/` that becomes `OUTPUT/<UTC time>/`
/// in one rename once every file is written and synced. A crash leaves only the hidden directory.
public final class SnapshotDirectory {
    /// The output directory the snapshot is published into.
    public let outputDirectory: String
    /// The run id: part of the partial directory's name.
    public let runID: String
    /// Where the files are written until publication.
    public let partialPath: String
    private var state: State = .building

    private enum State { case building, published(String), discarded }

    /// Creates `OUTPUT/.partial-<run id>/data/` (and OUTPUT if missing).
    public init(outputDirectory: String, runID: String) throws {
        self.outputDirectory = outputDirectory
        self.runID = runID
        self.partialPath = outputDirectory + "/.partial-" + runID
        try FileSystem.makeDirectories(outputDirectory)
        try FileSystem.makeDirectory(partialPath)
        try FileSystem.makeDirectory(dataPath)
    }

    /// `…/data`: the payload directory.
    public var dataPath: String { partialPath + "/data" }

    /// Syncs the directories and renames the snapshot into view as `<UTC yyyy-MM-ddTHHmmssZ>`
    /// (with `-2`, `-3`, … when that name is taken). Existing snapshots are never touched.
    /// - Returns: the published path.
    public func publish(clock: Date) throws -> String {
        guard case .building = state else { preconditionFailure("publish called twice") }
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

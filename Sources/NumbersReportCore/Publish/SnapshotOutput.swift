/// One output file of the snapshot: a stage of ``PublishPipeline`` that takes the night's report and
/// writes its file through the snapshot, which alone knows where it goes and hashes it.
///
/// Adding an output to the snapshot is adding a type conforming to this protocol and listing it in
/// ``PublishPipeline/outputs``.
protocol SnapshotOutput {
    /// The file it writes.
    var file: PayloadPath { get }

    /// Writes ``file``.
    func write(_ night: NightReport, into snapshot: SnapshotDirectory) throws
}

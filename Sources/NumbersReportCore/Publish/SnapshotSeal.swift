import SinchImportedNumbers

/// The last publish stage: `bag-info.txt` (chained to the previous snapshot's tag manifest), the
/// manifests, and the rename that makes the snapshot visible.
struct SnapshotSeal {
    var facts: NightFacts

    func seal(_ snapshot: SnapshotDirectory) throws -> SnapshotLocation {
        let results = facts.results
        let snapshotTime = APITimestamp.format(results.clock)
        let archive = SnapshotArchive(directory: results.configuration.output.directory)
        let info = BagInfo(
            baggingDate: String(snapshotTime.prefix(10)), payloadOxum: snapshot.payloadOxum,
            externalIdentifier: results.runID, sourceOrganization: results.configuration.output.sourceOrganization,
            softwareAgent: "numbers-report \(ToolVersion.current)", snapshotTime: snapshotTime,
            configSHA256: try RunRecord.configurationDigest(results.configuration),
            runComplete: results.outcome.isComplete,
            previousTagmanifestSHA256: archive.latest().flatMap(SnapshotArchive.tagmanifestSHA256(of:)) ?? "none",
            rowFormat: results.rowFormat)
        return try snapshot.publish(clock: results.clock, bagInfo: info)
    }
}

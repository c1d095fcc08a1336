import FakeSinchAPI
import Foundation
import NumbersReportCore
import Testing

@Suite("audit snapshots: bag, chain, verify, render, diff")
struct SnapshotTests {
    private func files(of snapshot: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: snapshot)!
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            var directory: ObjCBool = false
            if FileManager.default.fileExists(atPath: snapshot + "/" + item, isDirectory: &directory),
                !directory.boolValue
            {
                files.append(item)
            }
        }
        return files.sorted()
    }

    @Test("a snapshot is a valid BagIt bag (bagit.py) whose data/ is a valid Data Package (frictionless)")
    func standardTools() async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.sourceOrganization = "Example Corp Compliance"
            let complete = try #require(try await harness.run().snapshotPath)
            harness.configuration.scopes.append(.init(projectId: "p", servicePlanId: "missing", campaignId: "NONE"))
            let partial = try #require(try await harness.run().snapshotPath)
            #expect(
                try files(of: complete) == [
                    "bag-info.txt", "bagit.txt", "data/changes.csv", "data/datapackage.json", "data/numbers.csv",
                    "data/numbers.ndjson.gz", "data/problems.xlsx", "data/raw/pages.ndjson.gz", "data/raw/run.json",
                    "data/report.eml", "data/report.xhtml",
                    "data/summary.json", "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
                ])
            for snapshot in [complete, partial] {
                let bagit = try await runTool(["bagit.py", "--validate", snapshot], captureErrors: true)
                #expect(bagit.status == 0, "\(String(decoding: bagit.output, as: UTF8.self))")
                let frictionless = try await runTool(
                    ["frictionless", "validate", snapshot + "/data/datapackage.json"], captureErrors: true)
                #expect(
                    frictionless.status == 0, "\(String(decoding: frictionless.output.suffix(2000), as: UTF8.self))")
            }
            let info = try String(contentsOfFile: complete + "/bag-info.txt", encoding: .utf8)
            #expect(info.contains("Source-Organization: Example Corp Compliance\n"))
            #expect(info.contains("Run-Complete: true\n"))
            #expect(info.contains("Previous-Tagmanifest-SHA256: none\n"))
            let second = try String(contentsOfFile: partial + "/bag-info.txt", encoding: .utf8)
            #expect(second.contains("Run-Complete: false\n"))
            let previous = try #require(SnapshotArchive.tagmanifestSHA256(of: complete))
            #expect(second.contains("Previous-Tagmanifest-SHA256: \(previous)\n"))
        }
    }

    @Test("verify passes on a fresh snapshot and fails, naming the file, after any one byte of any file changes")
    func tamperEvident() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            #expect(BagVerifier().verify(snapshot: snapshot).isEmpty)
            for file in try files(of: snapshot) {
                let copy = harness.outputDirectory + "/copy-\(UUID())"
                try FileManager.default.copyItem(atPath: snapshot, toPath: copy)
                let path = copy + "/" + file
                var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                bytes[bytes.count / 2] ^= 0x01
                try bytes.write(to: URL(fileURLWithPath: path))
                let problems = BagVerifier().verify(snapshot: copy)
                #expect(!problems.isEmpty, "\(file) changed unnoticed")
                let fileName = (file as NSString).lastPathComponent
                #expect(problems.contains { $0.description.contains(fileName) }, "\(file): \(problems)")
                try FileManager.default.removeItem(atPath: copy)
            }
        }
    }

    @Test("verify --all fails when a snapshot in the chain is removed or its tag manifest altered")
    func chain() async throws {
        try await RunHarness.with { harness in
            var snapshots: [String] = []
            for night in 0..<3 {
                let clock = Fixtures.clock.addingTimeInterval(Double(night) * 86_400)
                snapshots.append(try #require(try await harness.run(clock: clock).snapshotPath))
            }
            let verifier = BagVerifier()
            #expect(verifier.verifyAll(directory: harness.outputDirectory).problems.isEmpty)
            #expect(verifier.verifyAll(directory: harness.outputDirectory).snapshots == 3)

            let tagmanifest = snapshots[1] + "/tagmanifest-sha256.txt"
            let original = try Data(contentsOf: URL(fileURLWithPath: tagmanifest))
            try (original + Data("\n".utf8)).write(to: URL(fileURLWithPath: tagmanifest))
            let altered = verifier.verifyAll(directory: harness.outputDirectory).problems
            #expect(
                altered.contains {
                    $0.snapshot == "2026-12-01T020000Z" && $0.problem.contains("matches no earlier snapshot")
                })
            try original.write(to: URL(fileURLWithPath: tagmanifest))

            try FileManager.default.removeItem(atPath: snapshots[1])
            let removed = verifier.verifyAll(directory: harness.outputDirectory).problems
            #expect(removed.map(\.snapshot) == ["2026-12-01T020000Z"])
            // The oldest remaining snapshot may point to one removed by retention: the chain starts there.
            try FileManager.default.removeItem(atPath: snapshots[0])
            #expect(verifier.verifyAll(directory: harness.outputDirectory).problems.isEmpty)
        }
    }

    @Test("render rebuilds numbers.csv, numbers.ndjson.gz and the raw pages byte for byte, also of a partial run")
    func render() async throws {
        try await RunHarness.with { harness in
            harness.configuration.scopes.insert(
                .init(projectId: "p", servicePlanId: "missing", campaignId: "NONE"), at: 1)
            let original = try #require(try await harness.run().snapshotPath)
            let rebuilt = try expectRenderReproduces(original, into: harness.outputDirectory + "/rebuilt")
            // A first night: no comparison on either side, so the workbook is the same too.
            #expect(
                FileManager.default.contents(atPath: original + "/data/problems.xlsx")
                    == FileManager.default.contents(atPath: rebuilt + "/data/problems.xlsx"))
            #expect(
                try String(contentsOfFile: rebuilt + "/bag-info.txt", encoding: .utf8).contains("Run-Complete: false"))
            #expect(BagVerifier().verify(snapshot: rebuilt).isEmpty)
        }
    }

    @Test("diff between two nights lists exactly the numbers added, removed and changed")
    func diff() async throws {
        let first = FakeScope(projectId: "p1", servicePlanId: "sp1", campaignId: "C1", numbers: 100)
        let second = FakeScope(projectId: "p1", servicePlanId: "sp2", campaignId: "C2", numbers: 50)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Night 1.
        let night1 = try await RunHarness.with(scopes: [first, second]) { harness in
            try await harness.run(into: directory).snapshotPath!
        }
        let rows = try await runTool(
            [
                "python3", "-c",
                "import csv,sys,json; print(json.dumps([(r['phone_number'], r['health'], r['health_reasons']) for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8-sig'))]))",
                night1 + "/data/numbers.csv",
            ]).output
        let table = try JSONDecoder().decode([[String]].self, from: rows)
        let healthy = try #require(table.first { $0[1] == "HEALTHY" })[0]
        let failed = try #require(table.first { $0[1] == "FAILED" && $0[0] != healthy })[0]
        let otherFailed = try #require(
            table.first { $0[1] == "FAILED" && $0[0] != failed && !$0[2].contains("sms_tmo") })[0]
        // Night 2: three numbers more in the first scope, two fewer in the second, three numbers changed.
        let changes: [String: FakeNumberChange] = [
            healthy: .smsTmoFailed(errorCode: "60135"), failed: .recovered,
            otherFailed: .smsTmoFailed(errorCode: "99999"),
        ]
        var grown = first
        grown.numbers = 103
        var shrunk = second
        shrunk.numbers = 48
        shrunk.caseOffset = 100  // its records stay those of night 1 although the first scope grew
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.scopes = [grown, shrunk]
        fakeConfiguration.referenceTime = Fixtures.clock
        fakeConfiguration.changes = changes
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        var harness = try await RunHarness.start(scopes: [grown, shrunk])
        await harness.fake.stop()
        harness.configuration.api.baseURL = fake.baseURL
        harness.configuration.api.tokenURL = fake.tokenURL
        let outcome = try await harness.run(clock: Fixtures.clock, into: directory)
        await fake.stop()
        let night2 = try #require(outcome.snapshotPath)

        let diff = SnapshotDiff(oldSnapshot: night1, newSnapshot: night2)
        let found = try diff.allChanges()
        let changeSet = try diff.changeSet()
        #expect(changeSet.total == found.count)
        for limit in [0, 1, 2, 4, 7, 8, 50] {
            #expect(try changeSet.prefix(limit) == Array(found.prefix(limit)), "\(limit)")
        }
        let summary = found.map { "\($0.kind.rawValue) \($0.phoneNumber) \($0.transition)" }.sorted()
        let added = fake.phoneNumbers(for: grown).suffix(3)
        var nightOne = FakeSinchAPIConfiguration()
        nightOne.scopes = [first, second]
        let removed = FakeSinchAPI(configuration: nightOne).phoneNumbers(for: second).suffix(2)
        let oldLevel = { (phone: String) in table.first { $0[0] == phone }![1] }
        let expected =
            added.map { "added \($0) added" } + removed.map { "removed \($0) removed" } + [
                "health \(healthy) HEALTHY→FAILED", "health \(failed) \(oldLevel(failed))→HEALTHY",
                "error_codes \(otherFailed) FAILED→FAILED",
            ]
        #expect(summary == expected.sorted())
        let errorChange = try #require(found.first { $0.kind == .errorCodes })
        #expect(errorChange.newErrorCodes.contains("sms_tmo:99999"))
        #expect(!errorChange.oldErrorCodes.contains("sms_tmo:99999"))
        let report = try await OutsideTools.python("check_report.py", [night2 + "/data/report.xhtml"])
        #expect((report["text"] as? String)?.contains("8 numbers changed since 2026-11-29T020000Z") == true)
        await harness.stop()
    }
}

@Suite("retention and the summary")
struct RetentionTests {
    @Test("output.keep removes the oldest snapshots, only after a new one is published")
    func keep() async throws {
        try await RunHarness.with { harness in
            harness.configuration.output.keep = 2
            for night in 0..<4 {
                _ = try await harness.run(clock: Fixtures.clock.addingTimeInterval(Double(night) * 86_400))
            }
            #expect(try harness.outputEntries() == ["2026-12-01T020000Z", "2026-12-02T020000Z"])
            #expect(BagVerifier().verifyAll(directory: harness.outputDirectory).problems.isEmpty)
            // A run that publishes nothing removes nothing.
            harness.credentials = .init(keyID: "demo-key-id", keySecret: "wrong")
            _ = try await harness.run(clock: Fixtures.clock.addingTimeInterval(5 * 86_400))
            #expect(try harness.outputEntries() == ["2026-12-01T020000Z", "2026-12-02T020000Z"])
        }
    }

    @Test("summary.json counts by scope and level, pages, requests, retries, failures and timing")
    func summary() async throws {
        try await RunHarness.with { harness in
            harness.configuration.scopes.append(.init(projectId: "p", servicePlanId: "missing", campaignId: "NONE"))
            let snapshot = try #require(try await harness.run().snapshotPath)
            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: snapshot + "/data/summary.json"))) as! [String: Any]
            let scopes = summary["scopes"] as! [[String: Any]]
            #expect(scopes.map { $0["rows"] as? Int } == [120, 75, 40, 0])
            #expect(scopes.map { $0["complete"] as? Bool } == [true, true, true, false])
            #expect((scopes[3]["error"] as? String)?.contains("HTTP 404") == true)
            let totals = summary["totals"] as! [String: Any]
            #expect(totals["rows"] as? Int == 235)
            #expect(totals["failedScopes"] as? Int == 1)
            #expect(totals["requests"] as? Int == 8)  // 1 token + 3 + 2 + 1 pages + 1 refused
            #expect(totals["pages"] as? Int == 6)
            let levels = totals["levels"] as! [String: Int]
            #expect(levels.values.reduce(0, +) == 235)
            #expect((summary["timing"] as? [String: Any])?["seconds"] is Double)
        }
    }
}

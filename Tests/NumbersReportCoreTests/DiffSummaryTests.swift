import FakeSinchAPI
import Foundation
@testable import NumbersReportCore
import ReportWriters
import Testing

@Suite("the report's diff summary")
struct DiffSummaryTests {
    /// Writes rows (the columns `diff` reads) as a `numbers.ndjson.gz`.
    private func write(_ rows: [[Cell]], to path: String) throws {
        let keys = [
            "project_id", "scope_service_plan_id", "scope_campaign_id", "phone_number", "health", "sms_ready",
            "sms_att_error_code", "sched_error_codes",
        ]
        let encoder = NDJSONEncoder(keys: keys)
        var bytes: [UInt8] = []
        for (index, row) in rows.enumerated() {
            encoder.appendRecord(row, to: &bytes)
            if index == 10 { bytes.append(UInt8(ascii: "\n")) }  // an empty line: not a row, and no position
        }
        let gzip = try GzipSink(downstream: try FileSink(path: path, mode: 0o644), level: 1)
        try gzip.write(bytes)
        try gzip.close()
    }

    private func row(
        _ phone: Int, scope: Int, health: String, ready: Bool, code: String?, scheduled: [Int]
    ) -> [Cell] {
        [
            .text("p"), .text("plan-\(scope)"), .text("C\(scope)"), .text("+1415555\(String(format: "%04d", phone))"),
            .text(health), .boolean(ready), .optionalText(code), .list(scheduled.map(Cell.integer)),
        ]
    }

    @Test(
        "counts and first examples equal the full diff's, worst first, however rows are added, removed, moved, changed or not fetched",
        arguments: [1, 2, 3, 4, 5] as [UInt64])
    func equalsFullDiff(seed: UInt64) throws {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let levels = ["HEALTHY", "PENDING", "MISCONFIGURED", "STALE", "FAILED"]
        func random(_ phone: Int, _ scope: Int) -> [Cell] {
            let health = levels.randomElement(using: &generator)!
            return row(
                phone, scope: scope, health: health,
                ready: health == "HEALTHY" || (health == "PENDING" && Bool.random(using: &generator)),
                code: Bool.random(using: &generator) ? nil : String(Int.random(in: 1000...1003, using: &generator)),
                scheduled: Bool.random(using: &generator) ? [] : [Int.random(in: 1...2, using: &generator)])
        }
        var old = (0..<1200).map { random($0 % 400, $0 / 400) }
        var new: [[Cell]] = []
        for (index, previous) in old.enumerated() {
            // Scope 2 stopped half-way tonight: the rest of its numbers were not fetched.
            if index / 400 == 2, index % 400 >= 200 { continue }
            switch Int.random(in: 0..<10, using: &generator) {
            case 0:  // removed, or moved to scope 3 (from scopes read to the end: of scope 2 nothing is known)
                if index / 400 < 2, Bool.random(using: &generator) { new.append(random(index % 400, 3)) }
                continue
            case 1, 2: new.append(random(index % 400, index / 400))  // maybe changed
            case 3:  // only sms_ready changed
                var flipped = previous
                if case .boolean(let ready) = flipped[5] { flipped[5] = .boolean(!ready) }
                new.append(flipped)
            default: new.append(previous)
            }
            if Int.random(in: 0..<12, using: &generator) == 0 { new.append(random(1000 + index, index % 2)) }  // added
        }
        // Undecodable records without a phone number (never compared), and a key repeated in the old file.
        var phoneless = random(0, 0)
        phoneless[3] = .absent
        old.insert(phoneless, at: 17)
        old.insert(phoneless, at: 300)
        old.insert(old[40], at: 41)
        new.insert(phoneless, at: 5)
        new.insert(phoneless, at: 500)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write(old, to: directory + "/old.ndjson.gz")
        try write(new, to: directory + "/new.ndjson.gz")
        let diff = SnapshotDiff(
            oldRows: directory + "/old.ndjson.gz", newRows: directory + "/new.ndjson.gz",
            unfetchedScopes: [DiffScope(projectId: "p", servicePlanId: "plan-2", campaignId: "C2")])
        let all = try diff.allChanges()
        var counts: [String: Int] = [:]
        for change in all { counts[change.countKey, default: 0] += 1 }
        #expect(Set(all.map(\.kind)) == Set(SnapshotChange.Kind.allCases))
        #expect(Set(all.map(\.category)) == Set(SnapshotChange.Category.allCases))
        // Worst first: the categories never go back up.
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.category <= $1.category })
        // A moved number is one change, named by both scopes; it is neither added nor removed.
        let moved = all.filter { $0.kind == .moved }
        #expect(moved.allSatisfy { $0.servicePlanId == "plan-3" && $0.previousServicePlanId != nil })
        let unpaired = all.filter { $0.kind == .added && $0.servicePlanId == "plan-3" }
        #expect(!moved.isEmpty && unpaired.isEmpty, "\(unpaired.prefix(3))")
        #expect(!all.contains { $0.phoneNumber.isEmpty }, "a row without a phone number is not compared")
        let byCategory = Dictionary(grouping: all, by: \.category).mapValues { changes in
            changes.reduce(into: [String: Int]()) { $0[$1.countKey, default: 0] += 1 }
        }
        // Tonight's rows as a run's scopes write them (keys and rows, in three parts), not read from the file.
        var parts: [DiffRowsPart] = []
        var writer = try DiffRowsPart.Writer(directory: directory)
        try SnapshotDiff.forEachRow(directory + "/new.ndjson.gz") { row, position in
            if position == 300 || position == 301 {
                parts.append(try writer.finish())
                writer = try DiffRowsPart.Writer(directory: directory)
            }
            try writer.append(row, format: .current)
        }
        parts.append(try writer.finish())
        // In memory, and sorted in runs of 7 keys on disk (the path of a night of millions).
        for sortCapacity in [nil, 7] as [Int?] {
            var spilled = diff
            spilled.scratchDirectory = directory
            spilled.sortCapacity = sortCapacity
            for changes in [try spilled.changeSet(), try spilled.changeSet(newParts: parts)] {
                #expect(changes.total == all.count)
                #expect(changes.byCategory == byCategory)
                #expect(
                    changes.byCategory.values.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) } == counts)
                for limit in [0, 10, 50, all.count, all.count + 5] {
                    #expect(try changes.prefix(limit) == Array(all.prefix(limit)), "limit \(limit)")
                }
                for _ in 1...2 {  // visited as often as needed
                    var visited: [SnapshotChange] = []
                    try changes.forEach { visited.append($0) }
                    #expect(visited == all, "sorted in runs of \(sortCapacity ?? 0)")
                }
            }
        }
        // The scratch files were unlinked as they were made: nothing is left beside the rows files.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
                "new.ndjson.gz", "old.ndjson.gz",
            ])
    }
}

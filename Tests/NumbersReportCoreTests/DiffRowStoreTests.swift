import Foundation
import Testing

@testable import NumbersReportCore

@Suite("the rows a diff keeps aside")
struct DiffRowStoreTests {
    static func row(_ index: Int) -> DiffRow {
        DiffRow(
            projectId: index % 7 == 0 ? nil : "p-\(index)", servicePlanId: "plan é \(index % 3)",
            campaignId: index % 5 == 0 ? "" : "C\(index)", phoneNumber: index % 11 == 0 ? nil : "+1415555\(index)",
            health: index % 4 == 0 ? nil : HealthLevel.allCases[index % HealthLevel.allCases.count],
            errorCodes: (0..<(index % 3)).map { "sms_att:\($0)号" }, smsReady: index % 3 == 0 ? nil : index % 2 == 0)
    }

    @Test("every row reads back by its position, over stores that follow each other, an empty one among them")
    func readsBack() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // 3,000 rows: the writer's buffer is written out several times.
        let sizes = [3000, 0, 1, 250]
        var stores: [DiffRowStore] = []
        var rows: [DiffRow] = []
        for size in sizes {
            let writer = try DiffRowStore.Writer(directory: directory)
            for _ in 0..<size {
                let row = Self.row(rows.count)
                rows.append(row)
                try writer.append(row, format: .current)
            }
            stores.append(try writer.finish())
        }
        var joined = DiffRowStores.Reader(DiffRowStores(stores))
        for (position, row) in rows.enumerated() {
            let readBack = try #require(try joined.row(at: position))
            #expect(readBack.identity == row.identity && readBack.health == row.health)
            #expect(readBack.errorCodes == row.errorCodes && readBack.smsReady == row.smsReady)
            #expect(readBack.projectId == row.projectId && readBack.phoneNumber == row.phoneNumber)
            #expect(readBack.servicePlanId == row.servicePlanId && readBack.campaignId == row.campaignId)
        }
        #expect(try joined.row(at: rows.count) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}

extension DiffRowStoreTests {
    @Test(
        "one reader gives every row in any order (forward, backward, scattered), rows larger than its block among them")
    func oneReader() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var stores: [DiffRowStore] = []
        var rows: [DiffRow] = []
        for size in [2500, 0, 700] {
            let writer = try DiffRowStore.Writer(directory: directory)
            for _ in 0..<size {
                var row = Self.row(rows.count)
                if rows.count % 997 == 5 {  // about 40 KB: more than a block of the reader
                    row.errorCodes = (0..<2000).map { "sched:\($0)-\(rows.count)" }
                }
                rows.append(row)
                try writer.append(row, format: .current)
            }
            stores.append(try writer.finish())
        }
        let joined = DiffRowStores(stores)
        var state: UInt64 = 3
        let scattered = (0..<3000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return Int(state >> 33) % rows.count
        }
        for order in [Array(rows.indices), rows.indices.reversed(), scattered] {
            var reader = DiffRowStores.Reader(joined)
            for position in order {
                let readBack = try #require(try reader.row(at: position))
                let row = rows[position]
                #expect(readBack.identity == row.identity && readBack.errorCodes == row.errorCodes)
                #expect(readBack.health == row.health && readBack.smsReady == row.smsReady)
            }
            #expect(try reader.row(at: rows.count) == nil)
        }
    }
}

@Suite("a comparison that cannot keep its scratch files")
struct ScratchFailureTests {
    @Test("fails tonight's publication, naming the scratch file, instead of blaming the previous night")
    func failsTonight() async throws {
        try await RunHarness.with { harness in
            let first = try #require(try await harness.run().snapshotPath)
            let archive = SnapshotArchive(directory: (first as NSString).deletingLastPathComponent)
            let tonight = ReportHistory.TrendPoint(snapshot: "tonight", levels: [:], complete: true)
            let gather = {
                try ReportHistory.gather(
                    archive: archive, newRows: SnapshotLocation(path: first).path(of: .numbersNDJSON),
                    scratchDirectory: "/nonexistent/scratch", tonight: tonight)
            }
            #expect {
                try gather()
            } throws: { error in
                error is ScratchFileError && "\(error)".contains("/nonexistent/scratch/.scratch-")
            }
        }
    }
}

import Foundation
import ReportWriters
import Testing

@testable import NumbersReportCore

@Suite("diff reads rows fast and exactly")
struct DiffRowScannerTests {
    @Test("the scanner reads every row of a run as JSONDecoder does, or leaves it to JSONDecoder")
    func parity() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let reader = try GzipReader(path: snapshot + "/data/numbers.ndjson.gz")
            var scanned = 0
            var lines = 0
            while let line = try reader.nextLine() {
                lines += 1
                let reference = try JSONDecoder().decode(DiffRow.self, from: Data(line))
                guard let fast = DiffRowScanner.scan(line) else { continue }
                scanned += 1
                #expect(fast.identity == reference.identity)
                #expect(fast.health == reference.health)
                #expect(fast.errorCodes == reference.errorCodes)
                #expect(fast.stateFingerprint == reference.stateFingerprint)
            }
            #expect(lines == 235)
            #expect(scanned > 200, "most rows have no escapes")
        }
    }
}

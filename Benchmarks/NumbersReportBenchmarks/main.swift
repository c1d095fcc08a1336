// Benchmarks of the hot paths of a nightly run, on a 1,000-record page of the fake API's data set:
// decoding, building rows and health, CSV encoding, NDJSON encoding with deflate. Prints throughput
// and heap allocations per page.
//
//     swift run -c release NumbersReportBenchmarks [SECONDS_PER_BENCHMARK]
import CAllocationCounter
import FakeSinchAPI
import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers

/// A sink that only counts: the benchmarks measure encoding, not the disk.
final class CountingSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws { count += bytes.count }
    func close() throws {}
}

let seconds = Double(CommandLine.arguments.dropFirst().first ?? "") ?? 2
let clock = APITimestamp.parse("2026-11-29T02:00:00Z")!
var fakeConfiguration = FakeSinchAPIConfiguration()
fakeConfiguration.referenceTime = clock
let scope = FakeScope(projectId: "p", servicePlanId: "plan-1", campaignId: "CAMP1", numbers: 1000)
fakeConfiguration.scopes = [scope]
let records = FakeSinchAPI(configuration: fakeConfiguration).recordsJSON(for: scope)
let page = Data("{\"importedNumbers\":".utf8) + records + Data(",\"nextPageToken\":\"next\",\"totalSize\":1000}".utf8)
let response = try JSONDecoder().decode(ListImportedNumbersResponse.self, from: page)
precondition(response.importedNumbers.count == 1000)
let settings = ScopeSettings(projectId: "p", servicePlanId: "plan-1", campaignId: "CAMP1", label: "Bench")
let builder = RowBuilder(rules: HealthRules(clock: clock, staleAfterHours: 72))
let rows = response.importedNumbers.map { builder.row(for: $0, scope: settings) }
let cells = rows.map(\.cells)

/// Runs `body` (one page's work) for about `seconds` and prints pages/s, rows/s, MB/s and allocations.
func benchmark(_ name: String, bytes: Int, _ body: () throws -> Void) rethrows {
    try body()  // warm up
    var iterations = 0
    let allocationsBefore = allocation_count()
    let start = Date()
    repeat {
        try body()
        iterations += 1
    } while Date().timeIntervalSince(start) < seconds
    let elapsed = Date().timeIntervalSince(start)
    let allocations = Double(allocation_count() - allocationsBefore) / Double(iterations)
    print(
        name.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(
                format: "%8.1f pages/s %10.0f rows/s %8.1f MB/s %10.0f allocations/page", Double(iterations) / elapsed,
                Double(iterations * 1000) / elapsed, Double(bytes * iterations) / elapsed / 1e6, allocations))
}

print("1,000-record page: \(page.count) bytes of JSON; \(seconds) s per benchmark")
benchmark("decode page (JSONDecoder)", bytes: page.count) {
    _ = try! JSONDecoder().decode(ListImportedNumbersResponse.self, from: page)
}
let pageBytes = [UInt8](page)
benchmark("decode page (fast decoder)", bytes: page.count) {
    _ = try! ListImportedNumbersResponse.decode(from: pageBytes)
}
benchmark("build rows and health", bytes: page.count) {
    _ = response.importedNumbers.map { builder.row(for: $0, scope: settings) }
}
var csvBytes: [UInt8] = []
let csvEncoder = CSVEncoder(excelSafe: true)
for row in cells { csvEncoder.appendRecord(row, to: &csvBytes) }
benchmark("cells + CSV encoding", bytes: csvBytes.count) {
    var output: [UInt8] = []
    output.reserveCapacity(csvBytes.count)
    for row in rows { csvEncoder.appendRecord(row.cells, to: &output) }
}
let ndjsonEncoder = NDJSONEncoder(keys: NumberRow.columnNames)
var ndjsonBytes: [UInt8] = []
for row in cells { ndjsonEncoder.appendRecord(row, to: &ndjsonBytes) }
benchmark("NDJSON encoding", bytes: ndjsonBytes.count) {
    var output: [UInt8] = []
    output.reserveCapacity(ndjsonBytes.count)
    for row in cells { ndjsonEncoder.appendRecord(row, to: &output) }
}
try benchmark("NDJSON encoding + deflate (level 6)", bytes: ndjsonBytes.count) {
    var output: [UInt8] = []
    output.reserveCapacity(ndjsonBytes.count)
    for row in cells { ndjsonEncoder.appendRecord(row, to: &output) }
    let gzip = try GzipSink(downstream: CountingSink(), level: 6)
    try gzip.write(output)
    try gzip.close()
}

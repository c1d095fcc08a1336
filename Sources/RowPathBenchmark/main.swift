// The row path of a night, stage by stage, on one thread: CPU time a number (the least of several rounds, as this
// shared machine's figures vary by half from run to run). Pages of the fake's records, made in process; the rows
// judged under the scope that lists them (about 40% have a problem, as on a fake night).
//
//     swift run -c release RowPathBenchmark [PAGES]      # 20 pages of 1,000 numbers unless told
//
// Stages: decoding a page (the fast decoder, with where each field stands in the page); building the rows and
// judging their health; the report's share of each row; writing `numbers.csv` and `numbers.ndjson.gz` (the deflate runs on another thread and is
// not counted), with and without the Problems sheet's rows, each from the page's bytes (a night's way) and from cells
// alone (the way of a page `JSONDecoder` read).
import FakeSinchAPI
import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers

/// Counts the bytes and keeps none.
final class DiscardingSink: ByteSink {
    private(set) var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws { count += bytes.count }
    func close() throws {}
}

/// This thread's CPU time, in seconds.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let pageCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 20
let rounds = 7
let bodies = (0..<pageCount).map { FakeSinchAPI.pageBody(seed: UInt64($0 + 1), numbers: 1000, demoScopes: false) }
let scope = ScopeSettings(projectId: "p", servicePlanId: "s", campaignId: "c")
let builder = RowBuilder(rules: HealthRules(clock: Date(timeIntervalSince1970: 1_764_381_600), staleAfterHours: 72))
let scratch = NSTemporaryDirectory()
let output = {
    var output = OutputSettings()
    output.gzipLevel = 1
    return output
}()

func decodePages() throws -> [ImportedNumbersPage] {
    try bodies.map { body in
        let decoded = try ListImportedNumbersResponse.decodeWithSpans(from: body)
        return ImportedNumbersPage(
            query: scope.query(pageSize: 1000), number: 1, pageToken: nil, requestTarget: "/", fetchedAt: Date(),
            body: body, response: decoded.response, recordSpans: decoded.spans)
    }
}

/// The CPU time of writing every row (building them included), from the page's bytes or from cells.
func writeRows(of pages: [ImportedNumbersPage], fromPageBytes: Bool, problemSheet: Bool) throws -> Double {
    let writer = try RowFilesWriter(
        csv: DiscardingSink(), ndjson: DiscardingSink(), output: output,
        problemSheetDirectory: problemSheet ? scratch : nil)
    let start = threadCPUTime()
    for page in pages {
        try builder.forEachRow(of: page, scope: scope) { row, source in
            try writer.append(row, source: fromPageBytes ? source : nil)
        }
    }
    try writer.finish()
    return threadCPUTime() - start
}

let pages = try decodePages()
let numbers = pages.reduce(0) { $0 + $1.response.importedNumbers.count }
var problems = 0
for page in pages {
    builder.forEachRow(of: page, scope: scope) { row, _ in problems += row.verdict.level == .healthy ? 0 : 1 }
}
print("\(pageCount) pages, \(numbers) numbers, \(problems) with a problem; µs a number, the least of \(rounds) rounds:")

// Each stage after the rows is timed with the rows built again (a row is handed on as it is made, never kept), and
// shown less the rows' own least time.
let stages = [
    "decode", "rows and health", "the report's counts and problem list (ReportDigest)",
    "write, from the page's bytes", "write, from cells",
    "write with the Problems sheet, from the page's bytes", "write with the Problems sheet, from cells",
]
var least = [Double](repeating: .infinity, count: stages.count)
for _ in 0..<rounds {
    var start = threadCPUTime()
    let decoded = try decodePages()
    let decode = threadCPUTime() - start
    start = threadCPUTime()
    var ready = 0
    for page in decoded {
        builder.forEachRow(of: page, scope: scope) { row, _ in ready += row.verdict.smsReady ? 1 : 0 }
    }
    let rows = threadCPUTime() - start
    start = threadCPUTime()
    var digest = ReportDigest(maxProblemRows: OutputSettings().xhtmlMaxProblemRows)  // the run's default
    for page in decoded { builder.forEachRow(of: page, scope: scope) { row, _ in digest.add(row) } }
    let report = threadCPUTime() - start
    let times = [
        decode, rows, report,
        try writeRows(of: decoded, fromPageBytes: true, problemSheet: false),
        try writeRows(of: decoded, fromPageBytes: false, problemSheet: false),
        try writeRows(of: decoded, fromPageBytes: true, problemSheet: true),
        try writeRows(of: decoded, fromPageBytes: false, problemSheet: true),
    ]
    for index in times.indices { least[index] = min(least[index], times[index] / Double(numbers) * 1e6) }
}
for (index, stage) in stages.enumerated() {
    print(String(format: "%8.2f  ", index < 2 ? least[index] : least[index] - least[1]) + stage)
}

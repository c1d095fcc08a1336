// The hot paths of a nightly run, each on one 1,000-record page of the fake API's data set: decoding
// (the decoder written for the schema, and JSONDecoder), building rows and health, CSV encoding,
// NDJSON encoding, and NDJSON encoding with deflate. Throughput is in pages (1,000 rows) per second;
// allocations are counted by the benchmark package's malloc interposer.
//
//     cd Benchmarks && swift package --disable-sandbox benchmark
import Benchmark
import FakeSinchAPI
import Foundation
import NumbersReportCore
import ReportWriters
import SinchImportedNumbers

/// A sink that only counts: the benchmarks measure encoding and compression, not the disk.
final class CountingSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws { count += bytes.count }
    func close() throws {}
}

/// One page of the fake API's data set and what the stages make of it.
struct PageFixture {
    let json: [UInt8]
    let response: ListImportedNumbersResponse
    let scope = ScopeSettings(projectId: "p", servicePlanId: "plan-1", campaignId: "CAMP1", label: "Bench")
    let builder: RowBuilder
    let rows: [NumberRow]
    let cells: [[Cell]]

    init() {
        let clock = APITimestamp.parse("2026-11-29T02:00:00Z")!
        var configuration = FakeSinchAPIConfiguration()
        configuration.referenceTime = clock
        let fakeScope = FakeScope(projectId: "p", servicePlanId: "plan-1", campaignId: "CAMP1", numbers: 1000)
        configuration.scopes = [fakeScope]
        let records = FakeSinchAPI(configuration: configuration).recordsJSON(for: fakeScope)
        json =
            Array("{\"importedNumbers\":".utf8) + Array(records)
            + Array(",\"nextPageToken\":\"next\",\"totalSize\":1000}".utf8)
        response = try! ListImportedNumbersResponse.decode(from: json)
        precondition(response.importedNumbers.count == 1000)
        builder = RowBuilder(rules: HealthRules(clock: clock, staleAfterHours: 72))
        rows = response.importedNumbers.map { [builder, scope] in builder.row(for: $0, scope: scope) }
        cells = rows.map(\.cells)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 2,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )
    let page = PageFixture()
    let ndjson = NDJSONEncoder(keys: NumberRow.columnNames)
    let csv = CSVEncoder(excelSafe: true)

    Benchmark("decode a 1,000-record page (decoder written for the schema)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ListImportedNumbersResponse.decode(from: page.json))
        }
    }
    Benchmark("decode a 1,000-record page (JSONDecoder)") { benchmark in
        let data = Data(page.json)
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(ListImportedNumbersResponse.self, from: data))
        }
    }
    Benchmark("build 1,000 rows and their health") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(page.response.importedNumbers.map { page.builder.row(for: $0, scope: page.scope) })
        }
    }
    Benchmark("cells + CSV encoding of 1,000 rows") { benchmark in
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            for row in page.rows { csv.appendRecord(row.cells, to: &output) }
            blackHole(output)
        }
    }
    Benchmark("NDJSON encoding of 1,000 rows") { benchmark in
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            for row in page.cells { ndjson.appendRecord(row, to: &output) }
            blackHole(output)
        }
    }
    Benchmark("NDJSON encoding + deflate (level 6) of 1,000 rows") { benchmark in
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            for row in page.cells { ndjson.appendRecord(row, to: &output) }
            let sink = CountingSink()
            let gzip = try GzipSink(downstream: sink, level: 6)
            try gzip.write(output)
            try gzip.close()
            blackHole(sink.count)
        }
    }
    Benchmark("raw page line (escaped body) of a 1,000-record page") { benchmark in
        let raw = NDJSONEncoder(keys: ["page", "body"])
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            raw.appendRecord([.integer(1)], lastText: page.json, to: &output)
            blackHole(output)
        }
    }
}

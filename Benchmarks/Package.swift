// swift-tools-version:6.1
// The benchmarks of numbers-report's hot paths, with ordo-one/benchmark, as a package of their own so
// that building and testing the tool never builds the benchmark machinery.
//
//     cd Benchmarks && swift package --disable-sandbox benchmark
import PackageDescription

let package = Package(
    name: "NumbersReportBenchmarks",
    dependencies: [
        .package(name: "numbers-report", path: ".."),
        // The malloc interposer only: on Linux with Swift 6.3 the default traits also want
        // ordo-one/swift-runtime-interposer, which is not among the package copies this project builds from.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NumbersReportCore", package: "numbers-report"),
                .product(name: "SinchImportedNumbers", package: "numbers-report"),
                .product(name: "ReportWriters", package: "numbers-report"),
                .product(name: "FakeSinchAPI", package: "numbers-report"),
            ],
            path: "HotPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "numbers-report",
    products: [
        .executable(name: "numbers-report", targets: ["numbers-report"]),
        .library(name: "SinchImportedNumbers", targets: ["SinchImportedNumbers"]),
        .library(name: "NumbersReportCore", targets: ["NumbersReportCore"]),
        .library(name: "ReportWriters", targets: ["ReportWriters"]),
        .library(name: "FakeSinchAPI", targets: ["FakeSinchAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CISAL",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The executable's allocator (README, "Performance"): linked before the C library, it serves every
        // malloc of the process, the Swift runtime's included.
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        .target(name: "TextSafety"),
        .target(
            name: "SinchImportedNumbers",
            dependencies: [
                "TextSafety",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ReportWriters",
            dependencies: ["CZlib", "CLibDeflate", "CISAL", "CLibXML2", "TextSafety"]
        ),
        .target(
            name: "NumbersReportCore",
            dependencies: [
                "SinchImportedNumbers",
                "ReportWriters",
                "CLibCrypto",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "FakeSinchAPI",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "numbers-report",
            dependencies: [
                "CJemalloc",
                "NumbersReportCore",
                "FakeSinchAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The row path's stages on one thread (README, "Performance"): in this package, as it reads package API.
        .executableTarget(
            name: "RowPathBenchmark",
            dependencies: ["NumbersReportCore", "SinchImportedNumbers", "ReportWriters", "FakeSinchAPI"]
        ),
        .testTarget(
            name: "SinchImportedNumbersTests",
            dependencies: [
                "SinchImportedNumbers", "FakeSinchAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "ReportWritersTests",
            dependencies: ["ReportWriters", "CZlib"]
        ),
        .testTarget(
            name: "NumbersReportCoreTests",
            dependencies: [
                "NumbersReportCore", "FakeSinchAPI", "SinchImportedNumbers", "ReportWriters", "numbers-report",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

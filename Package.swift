// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "snoei",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "snoei", targets: ["snoei"]),
        .library(name: "SnoeiCore", targets: ["SnoeiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Domain model and analysis: pure Swift + Foundation, no I/O.
        .target(name: "SnoeiCore", swiftSettings: strict),
        // Canonical CSV ledger in and out; exports (dialects, profiles, TOML mapping files) in.
        .target(
            name: "SnoeiImport",
            dependencies: ["SnoeiCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        // The policy file (TOML).
        .target(
            name: "SnoeiConfig",
            dependencies: ["SnoeiCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        // Schema, migrations and queries over SQLKit.
        .target(
            name: "SnoeiStore",
            dependencies: [
                "SnoeiCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: strict
        ),
        // Server-side SVG charts: axes, ticks, legends, accessible titles. No dependencies.
        .target(name: "SnoeiCharts", swiftSettings: strict),
        // The web application: routes, views, i18n over the store and the analysis.
        .target(
            name: "SnoeiWeb",
            dependencies: [
                "SnoeiCore", "SnoeiImport", "SnoeiStore", "SnoeiConfig", "SnoeiCharts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "snoei",
            dependencies: [
                "SnoeiCore", "SnoeiImport", "SnoeiStore", "SnoeiConfig", "SnoeiWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SnoeiCoreTests",
            dependencies: ["SnoeiCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SnoeiImportTests",
            dependencies: ["SnoeiImport", "SnoeiCore", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        // CSV reader throughput on a generated file: `swift run -c release csv-bench` (see BENCHMARKS.md).
        .executableTarget(name: "csv-bench", dependencies: ["SnoeiImport"], path: "Benchmarks/csv-bench", swiftSettings: strict),
        // The purchase models' fit on simulated histories: `swift run -c release value-bench 1000000 3`.
        // From a canonical CSV folder to every figure, phase by phase: `swift run -c release ledger-bench DIR 3`.
        .executableTarget(name: "ledger-bench", dependencies: ["SnoeiImport", "SnoeiCore"], path: "Benchmarks/ledger-bench", swiftSettings: strict),
        .executableTarget(name: "value-bench", dependencies: ["SnoeiCore"], path: "Benchmarks/value-bench", swiftSettings: strict),
        // Re-analysis after one day of new rows against a full analysis: `swift run -c release incremental-bench DIR`.
        .executableTarget(name: "incremental-bench", dependencies: ["SnoeiCore", "SnoeiImport"], path: "Benchmarks/incremental-bench",
                          swiftSettings: strict),
        // End to end: runs the built `snoei` binary the way a user does.
        .testTarget(name: "SnoeiCLITests", dependencies: ["snoei", "SnoeiCore", "SnoeiStore"], swiftSettings: strict),
        .testTarget(name: "SnoeiChartsTests", dependencies: ["SnoeiCharts"], swiftSettings: strict),
        .testTarget(
            name: "SnoeiWebTests",
            dependencies: [
                "SnoeiWeb", "SnoeiCore", "SnoeiStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "SnoeiConfigTests", dependencies: ["SnoeiConfig", "SnoeiCore"], swiftSettings: strict),
        .testTarget(
            name: "SnoeiStoreTests",
            dependencies: ["SnoeiStore", "SnoeiImport", "SnoeiCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
    ]
)

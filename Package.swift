// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Crucible",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "crucible", targets: ["crucible"]),
        .library(name: "CrucibleCore", targets: ["CrucibleCore"]),
        .library(name: "CrucibleSQL", targets: ["CrucibleSQL"]),
        .library(name: "CrucibleBenchmarks", targets: ["CrucibleBenchmarks"]),
        .library(name: "CrucibleReports", targets: ["CrucibleReports"]),
        .library(name: "CrucibleRuns", targets: ["CrucibleRuns"]),
        .library(name: "CruciblePython", targets: ["CruciblePython"]),
        .library(name: "CrucibleModels", targets: ["CrucibleModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CPython",
            pkgConfig: "python3-embed",
            providers: [.apt(["libpython3-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(name: "CSandbox"),
        .target(name: "CrucibleCore", swiftSettings: strictSettings),
        .target(
            name: "CruciblePython",
            dependencies: ["CPython", "CSandbox", "CrucibleCore"],
            swiftSettings: strictSettings
        ),
        .target(name: "CrucibleModels", swiftSettings: strictSettings),
        .target(
            name: "CrucibleSQL",
            dependencies: ["CSQLite", "CrucibleCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CrucibleBenchmarks",
            dependencies: ["CrucibleCore", "CrucibleSQL", "CZlib"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CrucibleReports",
            dependencies: ["CrucibleCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CrucibleRuns",
            dependencies: [
                "CrucibleCore", "CrucibleSQL", "CruciblePython", "CrucibleBenchmarks", "CrucibleReports",
                "CrucibleModels",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "crucible-worker",
            dependencies: ["CruciblePython"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "crucible",
            dependencies: [
                "CrucibleCore", "CrucibleSQL", "CruciblePython", "CrucibleBenchmarks", "CrucibleReports",
                "CrucibleRuns", "CrucibleModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings,
            plugins: ["BuildCommit"]
        ),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .target(name: "CrucibleTestSupport", path: "Tests/Support", swiftSettings: strictSettings),
        .testTarget(name: "CrucibleCoreTests", dependencies: ["CrucibleCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "CrucibleSQLTests",
            dependencies: ["CrucibleSQL", "CrucibleCore", "CSQLite", "CrucibleTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CrucibleModelsTests",
            dependencies: ["CrucibleModels", "CrucibleTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CruciblePythonTests",
            dependencies: ["CruciblePython", "CrucibleCore", "CrucibleTestSupport", "crucible"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CrucibleBenchmarksTests",
            dependencies: ["CrucibleBenchmarks", "CrucibleSQL", "CrucibleCore", "CrucibleTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CrucibleReportsTests",
            dependencies: ["CrucibleReports", "CrucibleCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CrucibleRunsTests",
            dependencies: [
                "CrucibleRuns", "CrucibleBenchmarks", "CrucibleSQL", "CruciblePython", "CrucibleCore",
                "CrucibleModels", "CrucibleTestSupport", "crucible",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CrucibleCLITests",
            dependencies: ["CrucibleTestSupport", "CrucibleCore", "CrucibleRuns", "crucible"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

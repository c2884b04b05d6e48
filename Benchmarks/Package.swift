// swift-tools-version: 6.1
import PackageDescription

// Performance benchmarks for Crucible, kept out of the root package so that
// `swift build` / `swift test` at the repository root never build them.
// Run with `swift package --disable-sandbox benchmark` from this directory
// (see README.md).
let package = Package(
    name: "CrucibleBenchmarksSuite",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Crucible", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Support"
        ),
        .executableTarget(
            name: "SpiderScore",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CrucibleSQL", package: "Crucible"),
            ],
            path: "SpiderScore",
            exclude: ["run_official_eval.py"],
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "PythonScore",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CrucibleBenchmarks", package: "Crucible"),
                .product(name: "CrucibleCore", package: "Crucible"),
            ],
            path: "PythonScore",
            exclude: ["run_human_eval.py", "run_cruxeval.py", "warm_floor.py"],
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // A plain executable: three wall times of one process, not a statistical benchmark.
        .executableTarget(
            name: "RunOverlap",
            dependencies: [
                .product(name: "CrucibleRuns", package: "Crucible"),
                .product(name: "CrucibleModels", package: "Crucible"),
                .product(name: "CrucibleBenchmarks", package: "Crucible"),
            ],
            path: "RunOverlap",
            exclude: ["slow_model.py"]
        ),
        // A plain executable: the HTML view's size and load time in headless chromium, at scale.
        .executableTarget(
            name: "HTMLViewLoad",
            dependencies: [
                .product(name: "CrucibleReports", package: "Crucible"),
                .product(name: "CrucibleCore", package: "Crucible"),
            ],
            path: "HTMLViewLoad"
        ),
    ],
    swiftLanguageModes: [.v6]
)

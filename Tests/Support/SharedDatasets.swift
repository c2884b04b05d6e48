import Foundation
public import Testing

/// The real benchmark data beside the checkout (`../shared/datasets`: Spider dev, DS-1000, HumanEval, MBPP and the
/// official verdicts), which a user's clone does not have. Tests that need it carry `SharedDatasets.required`: they
/// are skipped, with the reason printed, when it is absent. CI has it and sets `CRUCIBLE_REQUIRE_SHARED_DATA=1`,
/// which runs them regardless, so a missing folder there fails instead of passing with fewer tests.
public enum SharedDatasets {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    public static let path = URL(fileURLWithPath: packageRoot).appendingPathComponent("../shared/datasets")
        .standardizedFileURL.path

    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: path + "/README.md") }

    static var isRequired: Bool { ProcessInfo.processInfo.environment["CRUCIBLE_REQUIRE_SHARED_DATA"] == "1" }

    /// The reason printed for every skipped test; `make test` counts the lines that carry it.
    public static let reason: Comment = "needs the real benchmark data in ../shared/datasets, which is not here"

    /// Enables a test or suite only where the data is (or where CI requires it).
    public static var required: ConditionTrait {
        .enabled(if: isAvailable || isRequired, reason)
    }
}

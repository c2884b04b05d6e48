import Foundation

/// The built `crucible` executable, for tests that run it (as a user would, or as the sandbox's workers): it sits
/// beside the test bundle in the build products folder.
public enum CrucibleExecutable {
    public static var path: String {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("crucible").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return "\(packageRoot)/.build/debug/crucible"
    }

    /// The package's root folder (the tests read `Datasets/` and `../shared/datasets` from it).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}

import Foundation

/// The built `crucible` executable, which the sandbox starts in `worker` mode; it sits beside the test bundle.
enum CrucibleExecutable {
    static var path: String {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("crucible").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/crucible").path
    }
}

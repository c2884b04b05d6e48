import CrucibleRuns
import Foundation
import Testing

/// A run records the commit its crucible was built from even when the executable has left the checkout (an
/// installed copy), since the commit is embedded at build time rather than read from the checkout when it runs.
@Suite("The build's commit in a run's environment")
struct BuildCommitTests {
    @Test func aCopiedExecutableRecordsTheCommitItWasBuiltFrom() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Outside the checkout, so nothing above the copy leads back to a `.git`.
        let copy = "\(folder)/bin/crucible"
        try FileManager.default.createDirectory(atPath: "\(folder)/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CrucibleCommand.executable, toPath: copy)
        let run = try CrucibleCommand.run(
            [
                "run", "--benchmark", "spider", "--dataset", folder, "--model", "replay:\(folder)/predictions.txt",
                "--limit", "2", "--timeout", "1", "--run-dir", "\(folder)/run", "--quiet",
            ], executable: copy)
        #expect(run.status == 0, "\(run.stderr)")

        let store = try RunStore(path: "\(folder)/run/run.sqlite")
        let text = try #require(try store.value(for: "environment"))
        let environment = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // `swift test` builds from the checkout as it is now, so HEAD and the status now are those of the build;
        // a source tree without `.git` (a tarball) has no commit to record.
        guard FileManager.default.fileExists(atPath: "\(CrucibleCommand.packageRoot)/.git") else {
            #expect(environment["crucible_commit"] is NSNull)
            return
        }
        let head = try SQLRunTests.git(["rev-parse", "HEAD"])
        let modified = !(try SQLRunTests.git(["status", "--porcelain", "--untracked-files=no"])).isEmpty
        #expect(environment["crucible_commit"] as? String == head)
        #expect(environment["crucible_modified"] as? Bool == modified)
    }
}

import Foundation
import Testing

/// `crucible-worker`, built beside `crucible`, is the process the sandbox's programs fork from: it takes the same
/// arguments as `crucible worker`, and anything else is refused with its usage.
@Suite("The worker executable")
struct WorkerExecutableTests {
    static var worker: String {
        URL(fileURLWithPath: CrucibleCommand.executable).deletingLastPathComponent()
            .appendingPathComponent("crucible-worker").path
    }

    @Test func itIsBuiltBesideCrucibleAndRefusesOtherArguments() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.worker))
        let output = try CrucibleCommand.run(["score"], executable: Self.worker)
        #expect(output.status == 2)
        #expect(output.stderr.contains("usage: crucible-worker worker CONFIGURATION_JSON"), "\(output.stderr)")
    }
}

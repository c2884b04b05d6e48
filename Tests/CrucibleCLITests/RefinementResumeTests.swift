import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Glibc
import Testing

/// Refinement rounds killed with SIGKILL and resumed, and sharded then merged: the run ends exactly as an
/// uninterrupted, unsharded one. The model is the scripted stand-in (`ScriptedRepairModel`, a local HTTP server).
@Suite("Refinement, killed and resumed, sharded and merged", .serialized, SharedDatasets.required)
struct RefinementResumeTests {
    /// results.jsonl without timings, one canonical JSON text per record.
    static func results(_ directory: String) throws -> [String] {
        try String(contentsOfFile: "\(directory)/results.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in object.keys where key.hasSuffix("seconds") { object[key] = nil }
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    static func rounds(_ directory: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return String(
            decoding: try JSONSerialization.data(withJSONObject: summary["rounds"] ?? [], options: [.sortedKeys]),
            as: UTF8.self)
    }

    @Test func killedAtFivePointsOfRoundsOneToThreeTheRunEndsAsAnUninterruptedOne() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = SpiderRepairScript.model
        let extra = ["--repair", "explain-then-fix", "--feedback", "error"]
        let reference = try model.server()
        defer { reference.stop() }
        let whole = try CrucibleCommand.run(
            RefinementRoundsTests.spiderArguments("\(folder)/whole", reference, extra))
        #expect(whole.status == 0, "\(whole.stderr)")
        // 8 first answers; 6, 4 and 2 repairs of two requests each.
        #expect(reference.requests.count == 32)

        let running = RunningProcess()
        let killAt = KillPoints()
        let server = try model.server { index in
            if killAt.points.withLock({ $0.contains(index) }) { kill(running.pid.withLock { $0 }, SIGKILL) }
        }
        defer { server.stop() }
        let directory = "\(folder)/resumed"
        // Requests 0-7 are round 0. Each kill cuts off the request it arrives with, which the next attempt asks
        // again (so later numbers shift by one per kill): round 1's first fix (its explanation is stored), an
        // explanation in round 1, round 1's last fix, round 2's first explanation, round 3's last fix.
        for point in [9, 13, 21, 23, 35] {
            killAt.points.withLock { $0 = [point] }
            let process = try RunResumeTests.start(
                RefinementRoundsTests.spiderArguments(directory, server, extra), running: running)
            process.waitUntilExit()
            #expect(
                process.terminationReason == .uncaughtSignal, "the attempt killed at request \(point) ran to its end")
        }
        killAt.points.withLock { $0 = [] }
        let finished = try CrucibleCommand.run(RefinementRoundsTests.spiderArguments(directory, server, extra))
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(try Self.results(directory) == Self.results("\(folder)/whole"))
        #expect(try Self.rounds(directory) == Self.rounds("\(folder)/whole"))
        // Only the five requests in flight at a kill were asked twice.
        #expect(server.requests.count == 32 + 5, "\(server.requests.count) requests")
        // Request by request: each conversation was asked as often as in the uninterrupted run, or once more.
        let asked = Dictionary(grouping: server.requests) { String(decoding: $0.body, as: UTF8.self) }
        let referenceAsked = Dictionary(grouping: reference.requests) { String(decoding: $0.body, as: UTF8.self) }
        let surplus = asked.map { body, requests in requests.count - (referenceAsked[body]?.count ?? 0) }
        #expect(Set(asked.keys) == Set(referenceAsked.keys))
        #expect(surplus.allSatisfy { $0 == 0 || $0 == 1 } && surplus.reduce(0, +) == 5)
    }

    @Test func threeShardsWithTwoRoundsMergeIntoTheUnshardedRun() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        func arguments(_ directory: String, _ extra: [String]) -> [String] {
            var list = RefinementRoundsTests.spiderArguments(directory, server, extra)
            list[list.firstIndex(of: "--rounds")! + 1] = "2"
            return list
        }
        let whole = try CrucibleCommand.run(arguments("\(folder)/whole", []))
        #expect(whole.status == 0, "\(whole.stderr)")
        let shards = (1...3).map { "\(folder)/shard-\($0)" }
        for (index, directory) in shards.enumerated() {
            let shard = try CrucibleCommand.run(arguments(directory, ["--shard", "\(index + 1)/3"]))
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let merged = try CrucibleCommand.run(["merge"] + shards + ["--into", "\(folder)/merged"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Self.results("\(folder)/merged") == Self.results("\(folder)/whole"))
        #expect(try Self.rounds("\(folder)/merged") == Self.rounds("\(folder)/whole"))
        let store = try RunStore(path: "\(folder)/merged/run.sqlite")
        #expect(try store.rounds().map(\.round) == [1, 2])
        #expect(try store.repairs(round: 1).count == 6)
    }
}

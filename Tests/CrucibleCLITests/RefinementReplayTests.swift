import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// A recorded multi-round transcript (`replay:FILE`) re-scored round by round: each round's candidates get the
/// verdicts `crucible score` gives the same SQL on its own, a repair recorded for a sample that already passes is
/// not used, and a failing sample without a line for a round is counted as not attempted.
@Suite("Multi-round transcripts replayed", .serialized, SharedDatasets.required)
struct RefinementReplayTests {
    struct Line {
        var task: Int
        var round: Int
        var sql: String
    }

    /// Round 0 as the scripted model answers; rounds 1 and 2 with gaps and with lines that must be ignored.
    static let lines: [Line] = [
        Line(task: 0, round: 0, sql: "SELECT count(*) FROM singer"),
        Line(task: 2, round: 0, sql: "SELECT name ,  country ,  age FROM singer ORDER BY age DESC"),
        Line(task: 4, round: 0, sql: "SELECT avg(age) ,  min(age) ,  max(age) FROM singers WHERE country  =  'France'"),
        Line(task: 6, round: 0, sql: "SELECT song_nam ,  song_release_year FROM singer ORDER BY age LIMIT 1"),
        Line(task: 8, round: 0, sql: "SELECT DISTINCT name FROM singer WHERE age  >  20"),
        Line(task: 10, round: 0, sql: "SELECT country ,  count(*) FROM singer"),
        Line(task: 12, round: 0, sql: "SELECT song_name FROM singer WHERE age  >  100"),
        Line(task: 14, round: 0, sql: "SELECT location ,  name FROM stadiums"),
        // Round 1: 0 already passes (ignored); 10 and 14 have no line (not attempted).
        Line(task: 0, round: 1, sql: "SELECT 0"),
        Line(task: 4, round: 1, sql: "SELECT avg(age) ,  min(age) ,  max(age) FROM singer WHERE country  =  'France'"),
        Line(task: 6, round: 1, sql: "SELECT song_name ,  song_release_year FROM singer ORDER BY age DESC LIMIT 1"),
        Line(task: 8, round: 1, sql: "SELECT DISTINCT country FROM singer WHERE age  >  40"),
        Line(task: 12, round: 1, sql: "SELECT song_name FROM singer WHERE age  >  200"),
        // Round 2: 4 passed in round 1 (ignored); 12 and 14 have no line.
        Line(task: 4, round: 2, sql: "SELECT 0"),
        Line(task: 6, round: 2, sql: "SELECT song_name ,  song_release_year FROM singer ORDER BY age LIMIT 1"),
        Line(task: 8, round: 2, sql: "SELECT DISTINCT country FROM singer WHERE age  >  20"),
        Line(task: 10, round: 2, sql: "SELECT country ,  count(*) FROM singer GROUP BY country"),
    ]

    /// `crucible score`'s verdict on each SQL, scored as a whole dev predictions file (other lines `SELECT 1`).
    static func scoredOneByOne(_ folder: String) throws -> [String: String] {
        var verdicts: [String: String] = [:]
        for round in 0...2 {
            var predictions = Array(repeating: "SELECT 1", count: 1034)
            for line in lines where line.round == round { predictions[line.task] = line.sql }
            let file = "\(folder)/round-\(round).txt"
            try (predictions.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let score = try CrucibleCommand.run([
                "score", "--benchmark", "spider", "--dataset", "\(SharedDatasets.path)/spider", "--predictions", file,
                "--allow-unavailable", "--out", "\(folder)/score-\(round)",
            ])
            #expect(score.status == 0, "\(score.stderr)")
            for text in try String(contentsOfFile: "\(folder)/score-\(round)/results.jsonl", encoding: .utf8)
                .split(separator: "\n")
            {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                let task = try #require(object["task_id"] as? Int)
                if lines.contains(where: { $0.task == task && $0.round == round }) {
                    verdicts["\(task)#\(round)"] = object["status"] as? String
                }
            }
        }
        return verdicts
    }

    @Test func roundsReplayedFromATranscriptGetTheVerdictsScoreGivesEachRound() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let transcript = "\(folder)/transcript.jsonl"
        let text = try Self.lines.map { line in
            String(
                decoding: try JSONSerialization.data(
                    withJSONObject: ["task_id": line.task, "sample": 0, "round": line.round, "completion": line.sql],
                    options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n")
        try (text + "\n").write(toFile: transcript, atomically: true, encoding: .utf8)
        let run = try CrucibleCommand.run([
            "run", "--benchmark", "spider", "--dataset", "\(SharedDatasets.path)/spider", "--tasks",
            SpiderRepairScript.tasks, "--model", "replay:\(transcript)", "--rounds", "2", "--run-dir", "\(folder)/run",
        ])
        #expect(run.status == 0, "\(run.stderr)")

        // Every candidate the run judged, by task and round, against crucible score's verdict on its SQL.
        var judged: [String: String] = [:]
        var passedAfter: [Int: Int] = [:]
        for text in try String(contentsOfFile: "\(folder)/run/results.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            guard object["record"] as? String == "round", let round = object["round"] as? Int,
                let task = object["task_id"] as? Int
            else { continue }
            if let status = object["status"] as? String { judged["\(task)#\(round)"] = status }
            if object["passed"] as? Bool == true { passedAfter[round, default: 0] += 1 }
        }
        let independent = try Self.scoredOneByOne(folder)
        let used = independent.filter { !["0#1", "4#2"].contains($0.key) }
        #expect(judged == used)
        #expect(passedAfter == [0: 2, 1: 3, 2: 6])

        let rounds = try RefinementRoundsTests.rounds("\(folder)/run")
        #expect(
            rounds == [
                .init(passed: 2, failedBefore: 0, fixed: 0, stillFailing: 0, notAttempted: 0),
                .init(passed: 3, failedBefore: 6, fixed: 1, stillFailing: 3, notAttempted: 2),
                .init(passed: 6, failedBefore: 5, fixed: 3, stillFailing: 0, notAttempted: 2),
            ])
    }
}

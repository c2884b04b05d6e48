import CrucibleTestSupport
import Foundation
import Testing

/// `--check-stability N`: every program also runs under N other hash seeds, in new workers with fresh randomness;
/// verdicts that change are listed in results.jsonl, summary.json and the report, with the range of figures they
/// allow, while the verdicts themselves stay the first run's (hash seed 0).
@Suite("Stability of verdicts", .serialized)
struct StabilityCheckTests {
    /// Three HumanEval-format tasks: one whose test depends on the hash seed (the parity of `hash('crucible')` is
    /// 0 under seeds 0, 2 and 3 and 1 under seeds 1 and 4 with CPython 3.11's SipHash), one on unseeded
    /// randomness, one on neither.
    static func writeTasks(_ folder: String) throws -> (dataset: String, answers: String) {
        let bodies = [
            "Stable/hash": "    return hash('crucible') % 2\n",
            "Stable/random": "    import random\n    return int(random.random() < 0.5)\n",
            "Stable/plain": "    return 0\n",
        ]
        var dataset: [String] = []
        var answers: [String] = []
        for (id, body) in bodies.sorted(by: { $0.key < $1.key }) {
            let task: [String: String] = [
                "task_id": id, "prompt": "def f():\n", "canonical_solution": body, "entry_point": "f",
                "test": "def check(candidate):\n    assert candidate() == 0\n",
            ]
            dataset.append(String(decoding: try JSONSerialization.data(withJSONObject: task), as: UTF8.self))
            let answer = ["task_id": id, "completion": body]
            answers.append(String(decoding: try JSONSerialization.data(withJSONObject: answer), as: UTF8.self))
        }
        let paths = ("\(folder)/tasks.jsonl", "\(folder)/answers.jsonl")
        try dataset.joined(separator: "\n").write(toFile: paths.0, atomically: true, encoding: .utf8)
        try answers.joined(separator: "\n").write(toFile: paths.1, atomically: true, encoding: .utf8)
        return paths
    }

    static func json(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test func verdictsThatDependOnTheHashSeedOrOnChanceAreListed() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dataset, answers) = try Self.writeTasks(folder)
        // 12 more runs: the random task passes in all 13 or in none with probability 2 / 2^13.
        let score = try CrucibleCommand.run([
            "score", "--benchmark", "humaneval", "--dataset", dataset, "--predictions", answers, "--timeout", "5",
            "--check-stability", "12", "--out", "\(folder)/out",
        ])
        #expect(score.status == 0, "\(score.stderr)")
        var stability: [String: [String: Any]] = [:]
        var verdicts: [String: Bool] = [:]
        for line in try String(contentsOfFile: "\(folder)/out/results.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["record"] as? String == "sample", let task = object["task_id"] as? String else { continue }
            stability[task] = object["stability"] as? [String: Any]
            verdicts[task] = object["passed"] as? Bool
        }
        #expect(verdicts["Stable/hash"] == true, "the first run is hash seed 0's")
        #expect(stability["Stable/hash"]?["stable"] as? Bool == false)
        #expect(stability["Stable/hash"]?["runs"] as? Int == 13)
        #expect(stability["Stable/random"]?["stable"] as? Bool == false)
        #expect(stability["Stable/plain"]?["stable"] as? Bool == true)
        #expect(stability["Stable/plain"]?["passed"] as? Int == 13)

        let summary = try #require(try Self.json("\(folder)/out/summary.json")["stability"] as? [String: Any])
        #expect(summary["runs"] as? Int == 13)
        #expect(summary["unstable_tasks"] as? Int == 2)
        let listed = (summary["unstable"] as? [[String: Any]] ?? []).compactMap { $0["task_id"] as? String }
        #expect(listed == ["Stable/hash", "Stable/random"])
        let range = try #require(summary["pass@1_range"] as? [Double])
        #expect(range == [1.0 / 3.0, 1])
        let report = try String(contentsOfFile: "\(folder)/out/report.md", encoding: .utf8)
        #expect(report.contains("## Stability of the verdicts"))
        #expect(report.contains("| Stable/hash | 0 | passed |"), "\(report)")
        #expect(report.contains("pass@1 33.3–100.0 %"), "\(report)")
    }

    @Test func theParityOfTheHashFollowsTheSeed() throws {
        // The fact the first test rests on, checked on the same interpreter.
        var parities: [String] = []
        for seed in 0...4 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3.11")
            process.arguments = ["-c", "print(hash('crucible') % 2)"]
            process.environment = ["PYTHONHASHSEED": String(seed)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            parities.append(
                String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(parities == ["0", "1", "0", "0", "1"])
    }

    @Test func sqlBenchmarksAndZeroRunsAreRefused() throws {
        let zero = try CrucibleCommand.run([
            "score", "--benchmark", "humaneval", "--dataset", "x.jsonl", "--predictions", "y.jsonl",
            "--check-stability", "0",
        ])
        #expect(zero.status != 0)
        #expect(zero.stderr.contains("--check-stability must be at least 1"), "\(zero.stderr)")
        let sql = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", "\(CrucibleCommand.packageRoot)/Datasets/sql-sample",
            "--predictions", "\(CrucibleCommand.packageRoot)/Datasets/sql-sample/predictions.txt",
            "--check-stability", "2",
        ])
        #expect(sql.status != 0)
        #expect(sql.stderr.contains("is judged on SQLite"), "\(sql.stderr)")
    }

    /// DS-1000's published answers: codex002's 897 and gpt-3.5-turbo-0613's 325 flip between runs of the official
    /// evaluator; under crucible's check they are listed as unstable. 897 follows the hash seed. 325's answer draws
    /// `np.random.randint` without a seed in the first test case, so its verdict follows chance (each worker's
    /// numpy state): all five runs can agree (about one time in sixteen), and then the run is made again, up to
    /// three times. A run over a few tasks keeps the test short (the whole set is in the note).
    @Test(SharedDatasets.required, arguments: [("codex002", "897"), ("gpt-3.5-turbo-0613", "325")])
    func dataScienceAnswersThatFlipBetweenRunsAreListed(model: String, flipping: String) throws {
        let data = "\(SharedDatasets.path)/ds1000"
        var listed: [String] = []
        for _ in 0..<3 where !listed.contains(flipping) {
            let folder = try CrucibleCommand.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let run = try CrucibleCommand.run([
                "run", "--benchmark", "ds1000", "--dataset", "\(data)/ds1000.jsonl.gz", "--model",
                "replay:\(data)/answers/\(model)-answers.jsonl", "--tasks", "0,1,2,325,500,897", "--python-path",
                "\(CrucibleCommand.packageRoot)/.python/ds1000", "--seaborn-data", "\(data)/seaborn-data",
                "--check-stability", "4", "--run-dir", folder, "--quiet",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let summary = try #require(try Self.json("\(folder)/summary.json")["stability"] as? [String: Any])
            listed = (summary["unstable"] as? [[String: Any]] ?? []).compactMap { $0["task_id"] as? String }
        }
        #expect(listed.contains(flipping), "\(model): unstable \(listed)")
    }
}

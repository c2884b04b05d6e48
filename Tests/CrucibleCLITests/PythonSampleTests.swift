import Foundation
import Testing

/// The bundled Python sample through the real command line: every sample's verdict as `expected.jsonl` says.
@Suite("crucible score on the bundled Python sample", .serialized)
struct PythonSampleTests {
    struct Expectation: Decodable {
        var benchmark: String
        var task_id: String
        var sample: Int
        var status: String
    }

    let sample = "\(CrucibleCommand.packageRoot)/Datasets/python-sample"

    func verdicts(_ arguments: [String], summary: ((String) throws -> Void)? = nil) throws -> [String: String] {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try CrucibleCommand.run(["score"] + arguments + ["--out", folder])
        try summary?("\(folder)/summary.json")
        #expect(output.status == 0, "\(output.stderr)")
        var verdicts: [String: String] = [:]
        for line in try String(contentsOfFile: "\(folder)/results.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard object?["record"] as? String == "sample", let task = object?["task_id"] as? String,
                let index = object?["sample"] as? Int
            else { continue }
            verdicts["\(task)#\(index)"] = object?["status"] as? String
        }
        return verdicts
    }

    @Test func everySampleGetsItsExpectedVerdict() throws {
        let expected = try String(contentsOfFile: "\(sample)/expected.jsonl", encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Expectation.self, from: Data($0.utf8)) }
        let humanEval = try verdicts([
            "--benchmark", "humaneval", "--dataset", "\(sample)/humaneval.jsonl", "--predictions",
            "\(sample)/humaneval-answers.jsonl", "--k", "1,2", "--timeout", "3",
        ])
        let ds1000 = try verdicts([
            "--benchmark", "ds1000", "--dataset", "\(sample)/ds1000.jsonl", "--predictions",
            "\(sample)/ds1000-answers.jsonl", "--python-path", "\(CrucibleCommand.packageRoot)/.python/ds1000",
        ])
        let cruxeval = try verdicts([
            "--benchmark", "cruxeval-o", "--dataset", "\(sample)/cruxeval.jsonl", "--predictions",
            "\(sample)/cruxeval-o-answers.json", "--k", "1,2",
        ])
        #expect(expected.count == humanEval.count + ds1000.count + cruxeval.count)
        let byBenchmark = ["humaneval": humanEval, "ds1000": ds1000, "cruxeval-o": cruxeval]
        for item in expected {
            let got = byBenchmark[item.benchmark]?["\(item.task_id)#\(item.sample)"]
            #expect(got == item.status, "\(item.benchmark) \(item.task_id) sample \(item.sample)")
        }
    }

    /// Without --python-path the embedded interpreter uses Debian's python3-* packages (installed by the set-up
    /// script); the sample's verdicts are the same there, and the summary records Debian's versions.
    @Test func theDefaultEnvironmentIsDebiansPackages() throws {
        let expected = try String(contentsOfFile: "\(sample)/expected.jsonl", encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Expectation.self, from: Data($0.utf8)) }.filter { $0.benchmark == "ds1000" }
        var libraries: [String: Any] = [:]
        let ds1000 = try verdicts([
            "--benchmark", "ds1000", "--dataset", "\(sample)/ds1000.jsonl", "--predictions",
            "\(sample)/ds1000-answers.jsonl",
        ]) { path in
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            libraries =
                ((summary as? [String: Any])?["environment"] as? [String: Any])?["libraries"] as? [String: Any] ?? [:]
        }
        for item in expected {
            #expect(ds1000["\(item.task_id)#\(item.sample)"] == item.status, "ds1000 \(item.task_id)")
        }
        let debian = Process()
        debian.executableURL = URL(fileURLWithPath: "/usr/bin/python3.11")
        debian.arguments = ["-c", "import pandas, numpy; print(pandas.__version__, numpy.__version__)"]
        let pipe = Pipe()
        debian.standardOutput = pipe
        try debian.run()
        let versions = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        debian.waitUntilExit()
        #expect(versions == [libraries["pandas"] as? String, libraries["numpy"] as? String])
    }
}

import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// The cluster scripts under `deploy/`, run with bash the way Slurm and Kubernetes would run them (the variables
/// those schedulers set, one process per array task or pod), against two `LocalModelServer`s standing in for model
/// servers: the merged run equals the run made in one go. A wrong shard number or count makes a shard fail, a
/// shard missing or duplicated makes the merge fail, and a wrong split changes the merged results. Servers rather
/// than `replay:`, which `crucible run --shard` checks against the shard's tasks alone, refusing the other answers.
@Suite("Cluster deployment scripts", .serialized)
struct DeployScriptTests {
    static let dataset = "\(CrucibleCommand.packageRoot)/Datasets/python-sample/humaneval.jsonl"
    static let deploy = "\(CrucibleCommand.packageRoot)/deploy"

    @Test func slurmArrayTasksThenTheMergeJobEqualTheWholeRun() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let servers = try [Self.server(), Self.server()]
        defer { servers.forEach { $0.stop() } }

        let shardScript = "\(Self.deploy)/slurm/crucible-shards.sbatch"
        let variables = Self.variables(servers, runRoot: "\(folder)/cluster")
        // A 0-based array (--array=0-2) or one larger than the shard count is a configuration mistake, not a shard.
        for index in ["0", "4"] {
            let wrong = try Self.bash(
                shardScript, variables.merging(["SLURM_ARRAY_TASK_ID": index, "SLURM_ARRAY_TASK_COUNT": "3"]) { $1 })
            #expect(wrong.status == 2, "array index \(index): \(wrong.output)")
            #expect(wrong.output.contains("not a shard of 1..3"), "\(wrong.output)")
        }

        let asked = servers.map(\.requests.count)
        for index in 1...3 {
            let task = try Self.bash(
                shardScript,
                variables.merging(["SLURM_ARRAY_TASK_ID": "\(index)", "SLURM_ARRAY_TASK_COUNT": "3"]) { $1 })
            #expect(task.status == 0, "array task \(index): \(task.output)")
            let tasks = try Self.results("\(folder)/cluster/shard-\(index)-of-3").filter {
                $0.contains(#""record":"task""#)
            }
            #expect(tasks.count == 2, "shard \(index) of 6 tasks")
            #expect(try Self.shard(of: "\(folder)/cluster/shard-\(index)-of-3") == "\(index)/3")
        }
        // One request per task (n = samples), spread over both servers: BASE_URLS became two --base-url options.
        let shardRequests = zip(servers, asked).map { $0.requests.count - $1 }
        #expect(shardRequests.reduce(0, +) == 6)
        #expect(shardRequests.allSatisfy { $0 > 0 }, "\(shardRequests)")

        // No SHARDS given: the merge job reads N from the shard folders' names.
        let merge = try Self.bash("\(Self.deploy)/slurm/crucible-merge.sbatch", variables)
        #expect(merge.status == 0, "\(merge.output)")
        let whole = try Self.execute(
            CrucibleCommand.executable, Self.wholeRunArguments("\(folder)/whole", servers), variables)
        #expect(whole.status == 0, "\(whole.output)")
        #expect(try Self.results("\(folder)/cluster/merged") == Self.results("\(folder)/whole"))

        // A requeued (preempted) task reruns the same command: it finds its shard done and asks for nothing.
        let before = servers.map(\.requests.count)
        let requeued = try Self.bash(
            shardScript, variables.merging(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3"]) { $1 })
        #expect(requeued.status == 0, "\(requeued.output)")
        #expect(servers.map(\.requests.count) == before)
    }

    @Test func kubernetesIndexedPodsThenTheMergeJobEqualTheWholeRun() throws {
        let shardsManifest = try String(
            contentsOfFile: "\(Self.deploy)/kubernetes/crucible-shards.yaml", encoding: .utf8)
        let mergeManifest = try String(
            contentsOfFile: "\(Self.deploy)/kubernetes/crucible-merge.yaml", encoding: .utf8)
        #expect(shardsManifest.contains("completionMode: Indexed"))
        #expect(shardsManifest.contains("accessModes: [ReadWriteMany]"))
        #expect(shardsManifest.contains("kind: PersistentVolumeClaim"))
        for manifest in [shardsManifest, mergeManifest] {
            #expect(manifest.contains("claimName: crucible-data"))
            #expect(manifest.contains("name: crucible-run"))
        }
        // Pods learn their index but not the number of completions: the ConfigMap's SHARDS has to say it.
        let settings = Self.mapping(under: "data:", in: shardsManifest)
        let job = try #require(shardsManifest.range(of: "kind: Job\n"))
        let completions = try #require(
            Self.mapping(under: "spec:", in: String(shardsManifest[job.upperBound...]))["completions"])
        #expect(settings["SHARDS"] == completions)

        let shardScript = try Self.containerScript(shardsManifest)
        let mergeScript = try Self.containerScript(mergeManifest)
        // Kubernetes substitutes $(NAME) in a container's command and args before bash sees them.
        for script in [shardScript, mergeScript] {
            #expect(script.firstMatch(of: #/\$\([A-Za-z_][A-Za-z0-9_]*\)/#) == nil, "\(script)")
        }

        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let servers = try [Self.server(), Self.server()]
        defer { servers.forEach { $0.stop() } }

        try FileManager.default.createDirectory(atPath: "\(folder)/scripts", withIntermediateDirectories: true)
        try shardScript.write(toFile: "\(folder)/scripts/shard.sh", atomically: true, encoding: .utf8)
        try mergeScript.write(toFile: "\(folder)/scripts/merge.sh", atomically: true, encoding: .utf8)
        let variables = settings.merging(Self.variables(servers, runRoot: "\(folder)/cluster")) { $1 }
            .merging(["SHARDS": "3"]) { $1 }

        let past = try Self.bash("\(folder)/scripts/shard.sh", variables.merging(["JOB_COMPLETION_INDEX": "3"]) { $1 })
        #expect(past.status == 2, "\(past.output)")
        for index in 0..<3 {
            let pod = try Self.bash(
                "\(folder)/scripts/shard.sh", variables.merging(["JOB_COMPLETION_INDEX": "\(index)"]) { $1 })
            #expect(pod.status == 0, "pod \(index): \(pod.output)")
            #expect(try Self.shard(of: "\(folder)/cluster/shard-\(index + 1)-of-3") == "\(index + 1)/3")
        }
        let merge = try Self.bash("\(folder)/scripts/merge.sh", variables)
        #expect(merge.status == 0, "\(merge.output)")
        let whole = try Self.execute(
            CrucibleCommand.executable, Self.wholeRunArguments("\(folder)/whole", servers), variables)
        #expect(whole.status == 0, "\(whole.output)")
        #expect(try Self.results("\(folder)/cluster/merged") == Self.results("\(folder)/whole"))
    }

    // MARK: - Helpers

    /// What the scripts read, as a user would set it; everything that changes the run is also in
    /// `wholeRunArguments`, so the two runs can be compared. No generation cache: the servers are to be asked by
    /// the shards themselves (which shows where requests went), and nothing is to be left in the user's home.
    static func variables(_ servers: [LocalModelServer], runRoot: String) -> [String: String] {
        [
            "CRUCIBLE_GENERATION_CACHE": "off", "XDG_CACHE_HOME": "\(runRoot)/cache",
            "CRUCIBLE": CrucibleCommand.executable, "BENCHMARK": "humaneval", "DATASET": dataset,
            "MODEL": "openai:stand-in", "BASE_URLS": servers.map(\.baseURL.absoluteString).joined(separator: " "),
            "SAMPLES": "2", "K": "1,2", "RUN_ROOT": runRoot,
            "CRUCIBLE_ARGS": "--endpoint completions --concurrency 1 --timeout 5 --workers 1",
        ]
    }

    static func wholeRunArguments(_ directory: String, _ servers: [LocalModelServer]) -> [String] {
        [
            "run", "--benchmark", "humaneval", "--dataset", dataset, "--model", "openai:stand-in", "--samples", "2",
            "--k", "1,2", "--endpoint", "completions", "--concurrency", "1", "--timeout", "5", "--workers", "1",
            "--run-dir", directory,
        ] + servers.flatMap { ["--base-url", $0.baseURL.absoluteString] }
    }

    /// Answers each prompt with its task's canonical solution and a wrong one, in an order that depends on the task,
    /// so that every task's results differ from its neighbours'.
    static func server() throws -> LocalModelServer {
        var answers: [String: [String]] = [:]
        let lines = try String(contentsOfFile: dataset, encoding: .utf8).split(separator: "\n")
        for (index, line) in lines.enumerated() {
            let task = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let prompt = try #require(task["prompt"] as? String)
            let right = try #require(task["canonical_solution"] as? String)
            answers[prompt] = index.isMultiple(of: 2) ? [right, "    return None\n"] : ["    return None\n", right]
        }
        let byPrompt = answers
        return try LocalModelServer { _, request in
            let choices = byPrompt[request.object?["prompt"] as? String ?? ""] ?? ["    pass\n"]
            let n = request.object?["n"] as? Int ?? 1
            return .completions((0..<n).map { choices[$0 % choices.count] })
        }
    }

    struct ProcessOutput {
        var status: Int32
        /// stdout and stderr together: one pipe cannot fill up while the other is being read.
        var output: String
    }

    static func bash(_ script: String, _ variables: [String: String]) throws -> ProcessOutput {
        try execute("/bin/bash", [script], variables)
    }

    /// Runs a program from the package root, with this process's environment minus anything a scheduler or a user
    /// may have set for the scripts (the tests may themselves run inside a Slurm job), plus `variables`.
    static func execute(_ executable: String, _ arguments: [String], _ variables: [String: String]) throws
        -> ProcessOutput
    {
        let names: Set = [
            "CRUCIBLE", "BENCHMARK", "DATASET", "MODEL", "BASE_URLS", "SAMPLES", "K", "SHARDS", "RUN_ROOT", "WORKERS",
            "CRUCIBLE_ARGS", "JOB_COMPLETION_INDEX", "CRUCIBLE_GENERATION_CACHE", "XDG_CACHE_HOME",
        ]
        let inherited = ProcessInfo.processInfo.environment.filter { name, _ in
            !names.contains(name) && !name.hasPrefix("SLURM_")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = inherited.merging(variables) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: CrucibleCommand.packageRoot)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    /// results.jsonl without timings, one canonical JSON text per record.
    static func results(_ directory: String) throws -> [String] {
        try String(contentsOfFile: "\(directory)/results.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["seconds"] = nil
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    /// The `--shard` a run directory was made with: its folder name must say the same, or a rerun would resume
    /// another shard's folder.
    static func shard(of directory: String) throws -> String? {
        let configuration = try #require(try RunStore(path: "\(directory)/run.sqlite").value(for: "configuration"))
        let object = try JSONSerialization.jsonObject(with: Data(configuration.utf8)) as? [String: Any]
        return object?["shard"] as? String
    }

    /// The container's bash script: the literal block (`- |`) right after `args:`, without its indentation.
    /// Enough YAML for these manifests (written to this shape); a different shape fails here, not silently.
    static func containerScript(_ manifest: String) throws -> String {
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let arguments = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "args:" })
        let marker = arguments + 1
        try #require(marker < lines.count && lines[marker].trimmingCharacters(in: .whitespaces) == "- |")
        var block: [String] = []
        for line in lines[(marker + 1)...] {
            let blank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if !blank && indentation(line) <= indentation(lines[marker]) { break }
            block.append(blank ? "" : line)
        }
        let indent = try #require(block.first { !$0.isEmpty }.map(indentation))
        return block.map { String($0.dropFirst(indent)) }.joined(separator: "\n")
    }

    /// The `key: value` lines one level under the first `section` line (quotes removed): a ConfigMap's data, a
    /// Job's spec.
    static func mapping(under section: String, in manifest: String) -> [String: String] {
        let lines = manifest.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == section }),
            start + 1 < lines.count
        else { return [:] }
        let level = indentation(lines[start + 1])
        var values: [String: String] = [:]
        for line in lines[(start + 1)...] {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            if indentation(line) < level { break }
            guard indentation(line) == level, let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
}

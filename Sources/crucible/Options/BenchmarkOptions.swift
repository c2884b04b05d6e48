import ArgumentParser
import CrucibleBenchmarks

/// Which benchmark and which of its files: the same for `score` and `run`.
struct BenchmarkOptions: ParsableArguments {
    @Option(help: "The benchmark: spider, bird, humaneval, mbpp or ds1000.")
    var benchmark: Benchmark

    @Option(
        help: """
            Spider/BIRD: the benchmark's directory (dev.json, tables.json, database/; dev.json, dev_databases/). \
            Python: the problems file (HumanEval.jsonl.gz, mbpp.jsonl, sanitized-mbpp.json, ds1000.jsonl.gz).
            """)
    var dataset: String

    @Option(help: "Spider/BIRD: the questions file inside --dataset.")
    var questions = "dev.json"
}

import ArgumentParser
import CrucibleRuns

/// `crucible split`: a benchmark's tasks split into train and eval lists.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract:
            "Split a benchmark's tasks into train and eval lists, for training on one and evaluating on the other.",
        discussion: """
            Writes OUT/train.json and OUT/eval.json (with the dataset's hash). Each category (Spider hardness, \
            DS-1000 library) is split in the same proportion, by a seeded shuffle. Give a list to crucible run \
            --tasks-file: the run records which side it used, and crucible export refuses runs over the eval side.
            """)

    @OptionGroup var benchmark: BenchmarkOptions

    @Option(help: "The share of tasks in the eval list, e.g. 0.2.")
    var evalFraction: Double

    @Option(help: "The shuffle's seed.")
    var seed: UInt64 = 0

    @Option(help: "The folder to write train.json and eval.json to.")
    var out: String

    func run() throws {
        try CommandFailures.report(command: "split") {
            var split = DatasetSplit(
                benchmark: benchmark.benchmark, dataset: benchmark.dataset, evalFraction: evalFraction, seed: seed,
                out: out)
            split.questions = benchmark.questions
            print(try split.run())
        }
    }
}

import BenchmarkSupport
import Foundation

/// The block printed at the end of a run: medians, throughput, peak memory, the ratios and whether each goal is met.
struct PythonSummary {
    let recorded: [String: Samples]
    let paths: PythonPaths

    func render() -> String {
        let rule = String(repeating: "=", count: 100)
        let humanEvalPrograms = 164 * HumanEvalSamples.copies
        let ds1000Programs =
            (try? String(contentsOf: paths.ds1000Answers, encoding: .utf8))?
            .split(separator: "\n").count ?? 0
        var lines = ["", rule, "Python benchmarks: crucible score vs the official evaluators and the floor", rule]
        lines.append("HumanEval canonical solutions x\(HumanEvalSamples.copies) (\(humanEvalPrograms) programs)")
        lines.append(row("crucible score", PythonSuite.humanEvalKey, programs: humanEvalPrograms))
        if paths.humanEvalDirectory == nil {
            lines.append("  human-eval            skipped: HUMAN_EVAL_DIR is not set (a checkout of openai/human-eval)")
        } else {
            lines.append(row("human-eval", PythonSuite.humanEvalOfficialKey, programs: humanEvalPrograms))
        }
        lines.append(
            ratio(
                "human-eval / crucible", PythonSuite.humanEvalOfficialKey, over: PythonSuite.humanEvalKey,
                goal: PythonSuite.humanEvalGoal, atLeast: true))
        lines.append("")
        lines.append("DS-1000, \(paths.ds1000Answers.lastPathComponent) (\(ds1000Programs) programs)")
        lines.append(row("crucible score", PythonSuite.ds1000Key, programs: ds1000Programs))
        lines.append(row("floor", PythonSuite.floorKey, programs: ds1000Programs))
        lines.append(
            ratio(
                "crucible / floor", PythonSuite.ds1000Key, over: PythonSuite.floorKey, goal: PythonSuite.floorGoal,
                atLeast: false))
        if paths.ds1000OfficialCommand == nil {
            lines.append(
                "  official DS-1000      skipped: DS1000_OFFICIAL_COMMAND is not set (xlang-ai/DS-1000 is not "
                    + "obtainable offline)")
        } else {
            lines.append(row("official DS-1000", PythonSuite.ds1000OfficialKey, programs: ds1000Programs))
            lines.append(
                ratio(
                    "official / crucible", PythonSuite.ds1000OfficialKey, over: PythonSuite.ds1000Key,
                    goal: PythonSuite.ds1000OfficialGoal, atLeast: true))
        }
        lines.append("")
        lines.append("CRUXEval-O, Code Llama 7B's published generations (8000 programs)")
        lines.append(row("crucible score", PythonSuite.cruxevalKey, programs: 8000))
        if paths.cruxevalDirectory == nil {
            lines.append(
                "  official scorer       skipped: CRUXEVAL_DIR is not set (a checkout of facebookresearch/cruxeval)")
        } else {
            lines.append(row("official scorer", PythonSuite.cruxevalOfficialKey, programs: 8000))
        }
        lines.append(
            ratio(
                "official / crucible", PythonSuite.cruxevalOfficialKey, over: PythonSuite.cruxevalKey,
                goal: PythonSuite.cruxevalGoal, atLeast: true))
        lines.append(rule)
        return lines.joined(separator: "\n")
    }

    private func row(_ label: String, _ key: String, programs: Int) -> String {
        let name = "  " + label.padding(toLength: 22, withPad: " ", startingAt: 0)
        guard let samples = recorded[key] else { return name + "  not measured in this run" }
        if let failure = samples.failure { return name + "  FAILED: " + failure.prefix(300) }
        guard let median = samples.median else { return name + "  no measured iteration" }
        let range = "\(format(samples.seconds.min() ?? 0, 2))–\(format(samples.seconds.max() ?? 0, 2))"
        let peak = (samples.peakBytes.max() ?? 0) >> 20
        return name + "  \(format(median, 2)) s median (\(range), \(samples.seconds.count) runs), "
            + "\(format(Double(programs) / median, 0)) programs/s, peak RSS \(peak) MB (largest process); "
            + samples.note
    }

    private func ratio(_ label: String, _ numerator: String, over denominator: String, goal: Double, atLeast: Bool)
        -> String
    {
        let name = "  " + label.padding(toLength: 22, withPad: " ", startingAt: 0)
        guard let top = recorded[numerator]?.median, let bottom = recorded[denominator]?.median, bottom > 0 else {
            return name + "  n/a (one side was not measured in this run)"
        }
        let value = top / bottom
        let met = atLeast ? value >= goal : value <= goal
        return name + "  \(format(value, 2))x   goal \(atLeast ? ">=" : "<=") \(format(goal, 2))x   "
            + (met ? "MET" : "NOT MET")
    }

    private func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

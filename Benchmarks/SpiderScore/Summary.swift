import Benchmark
import BenchmarkSupport
import CrucibleSQL
import Foundation

struct Summary {
    let crucible: Samples?
    let floor: Samples?
    let official: Samples?
    let evaluatorDirectory: URL?

    var officialRatio: Double? {
        guard let official = official?.median, let crucible = crucible?.median, crucible > 0 else { return nil }
        return official / crucible
    }

    var floorRatio: Double? {
        guard let crucible = crucible?.median, let floor = floor?.median, floor > 0 else { return nil }
        return crucible / floor
    }

    var allGoalsMet: Bool {
        (officialRatio.map { $0 >= SpiderSuite.officialGoal } ?? true)
            && (floorRatio.map { $0 <= SpiderSuite.floorGoal } ?? true)
    }

    func render() -> String {
        let rule = String(repeating: "=", count: 100)
        var lines = [
            "", rule,
            "Spider dev, DAIL-SQL (GPT-4) predictions: crucible score vs official evaluator vs execution floor",
            rule,
        ]
        lines.append(row("crucible score", crucible, detail: crucibleDetail))
        lines.append(row("execution floor", floor, detail: floor?.note ?? ""))
        if let evaluatorDirectory {
            lines.append(row("official evaluation.py", official, detail: official?.note ?? "not measured in this run"))
            lines.append("  (evaluator: \(evaluatorDirectory.path))")
        } else {
            lines.append(
                "official evaluation.py     skipped: SPIDER_EVAL_DIR is not set (the directory of evaluation.py)")
        }
        lines.append("")
        if let ratio = officialRatio, let crucibleMedian = crucible?.median, let officialMedian = official?.median {
            let met = ratio >= SpiderSuite.officialGoal
            let needed = officialMedian / SpiderSuite.officialGoal
            lines.append(
                "official / crucible  \(format(ratio, digits: 1))x   goal >= \(format(SpiderSuite.officialGoal))x   "
                    + (met
                        ? "MET"
                        : "NOT MET: crucible needs <= \(milliseconds(needed)), "
                            + "\(format((1 - needed / crucibleMedian) * 100))% faster"))
        } else {
            lines.append(
                "official / crucible  n/a ("
                    + (evaluatorDirectory == nil ? "official comparison skipped" : "not measured in this run") + ")")
        }
        if let ratio = floorRatio, let crucibleMedian = crucible?.median, let floorMedian = floor?.median {
            let met = ratio <= SpiderSuite.floorGoal
            let needed = floorMedian * SpiderSuite.floorGoal
            lines.append(
                "crucible / floor     \(format(ratio, digits: 2))x   goal <= \(format(SpiderSuite.floorGoal))x    "
                    + (met
                        ? "MET"
                        : "NOT MET: crucible needs <= \(milliseconds(needed)), "
                            + "\(format((1 - needed / crucibleMedian) * 100))% faster"))
        } else {
            lines.append("crucible / floor     n/a (not measured in this run)")
        }
        lines.append(rule)
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private var crucibleDetail: String {
        guard let crucible else { return "" }
        var parts = [crucible.note]
        if let execution = Samples.median(crucible.executionSeconds) {
            parts.append("its execution_seconds median \(milliseconds(execution))")
        }
        return parts.joined(separator: "; ")
    }

    private func row(_ name: String, _ samples: Samples?, detail: String) -> String {
        let padded = name.padding(toLength: 26, withPad: " ", startingAt: 0)
        guard let samples else { return padded + " not measured in this run" }
        if let failure = samples.failure {
            return padded + " FAILED: " + (failure.split(separator: "\n").first.map(String.init) ?? failure)
        }
        guard let median = samples.median else { return padded + " not measured in this run" }
        let low = milliseconds(samples.seconds.min() ?? median)
        let high = milliseconds(samples.seconds.max() ?? median)
        let spread = "\(samples.seconds.count) runs, \(low) – \(high)"
        let medianText = milliseconds(median).leftPadded(to: 11)
        return "\(padded) median \(medianText)  (\(spread))  \(detail)"
    }

    private func milliseconds(_ seconds: Double) -> String {
        "\(format(seconds * 1_000, digits: 1)) ms"
    }

    private func format(_ value: Double, digits: Int = 0) -> String {
        String(format: "%.\(digits)f", value)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

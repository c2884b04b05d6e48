import CrucibleCore
import CrucibleReports
import Foundation

/// A refined run's figures round by round, overall and per category, and how they enter the outputs: the
/// `rounds` of summary.json, one results.jsonl line per sample and round, and report.md's refinement section.
struct RefinementSummary {
    var rounds: [StoredRound]
    var overall: [RoundFigures]
    var categories: [(name: String, figures: [RoundFigures])]
    var history: RefinementHistory
    var ks: [Int]
    /// Text-to-SQL task ids are written as numbers, as in the rest of results.jsonl.
    var numericIDs: Bool

    /// Nil when the run has no refinement round.
    static func load(_ store: RunStore, ks: [Int], numericIDs: Bool) throws(RunError) -> RefinementSummary? {
        let rounds: [StoredRound]
        let tasks: [(position: Int, id: TaskID, category: String?)]
        do {
            rounds = try store.rounds()
            tasks = try store.positionedTasks()
        } catch {
            throw RunError(store: error)
        }
        guard let last = rounds.map(\.round).max() else { return nil }
        let history = try RefinementHistory.load(store, through: last)
        let all = Set(tasks.map(\.id))
        let overall = (0...last).map { RoundFigures.compute(round: $0, history: history, tasks: all, ks: ks) }
        var names: [String] = []
        var byCategory: [String: Set<TaskID>] = [:]
        for task in tasks {
            guard let category = task.category else { continue }
            if byCategory[category] == nil { names.append(category) }
            byCategory[category, default: []].insert(task.id)
        }
        let categories = names.map { name in
            (
                name,
                (0...last).map { RoundFigures.compute(round: $0, history: history, tasks: byCategory[name]!, ks: ks) }
            )
        }
        return RefinementSummary(
            rounds: rounds, overall: overall, categories: categories, history: history, ks: ks, numericIDs: numericIDs)
    }

    var extras: RunOutputExtras {
        var extras = RunOutputExtras()
        extras.summaryFields = [
            ("rounds", .array(overall.map { json($0, categories: true) })),
            ("final_accuracy", overall.last?.accuracy.map(JSONValue.number) ?? .null),
        ]
        extras.resultLines = resultLines
        let oracle = rounds.filter(\.settings.oracleFeedback).map { String($0.round) }
        if !oracle.isEmpty {
            extras.reportPrefix =
                "> **Oracle feedback:** round\(oracle.count == 1 ? "" : "s") \(oracle.joined(separator: ", ")) showed "
                + "the model the gold result; these figures are not those of a real evaluation.\n\n"
        }
        extras.reportSuffix = markdown
        return extras
    }

    /// `, accuracy by round: 40.0 → 55.0 → 60.0 %` for the command's last line.
    var summaryLine: String {
        ", accuracy by round: " + overall.map { percent($0.accuracy) }.joined(separator: " → ") + " %"
    }

    private func settings(_ round: Int) -> RoundSettings? {
        rounds.first { $0.round == round }?.settings
    }

    private func json(_ figures: RoundFigures, categories withCategories: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [("round", .number(Double(figures.round)))]
        if withCategories, let settings = settings(figures.round) {
            fields += [
                ("model", .string(settings.model)),
                ("model_version", settings.modelVersion.map(JSONValue.string) ?? .null),
                ("repair", .string(settings.repair.rawValue)), ("feedback", .string(settings.feedback.rawValue)),
                ("feedback_shows_tests", .bool(settings.feedback.showsTests)),
                ("oracle_feedback", .bool(settings.oracleFeedback)),
                ("finished", .bool(rounds.first { $0.round == figures.round }?.finished ?? false)),
            ]
        }
        fields += [
            ("samples", .number(Double(figures.samples))), ("passed", .number(Double(figures.passed))),
            ("accuracy", figures.accuracy.map(JSONValue.number) ?? .null),
            ("cumulative_passed", .number(Double(figures.cumulativePassed))),
            ("cumulative_accuracy", figures.cumulativeAccuracy.map(JSONValue.number) ?? .null),
        ]
        for k in ks { fields.append(("pass@\(k)", figures.passAtK[k].map(JSONValue.number) ?? .null)) }
        if figures.round > 0 {
            fields += [
                ("failed_before", .number(Double(figures.failedBefore))),
                ("attempted", .number(Double(figures.attempted))),
                ("fail_to_pass", .number(Double(figures.fixed))),
                ("fail_to_fail", .number(Double(figures.stillFailing))),
                ("not_attempted", .number(Double(figures.notAttempted))),
                ("pass_to_fail", .number(Double(figures.passToFail))),
                ("pass_to_pass", .number(Double(figures.passToPass))),
                ("success_refinement_rate", figures.successRefinementRate.map(JSONValue.number) ?? .null),
            ]
        }
        if withCategories && !categories.isEmpty {
            fields.append(
                (
                    "categories",
                    .object(categories.map { ($0.name, json($0.figures[figures.round], categories: false)) })
                ))
        }
        return .object(fields)
    }

    /// One line per sample and round: its own candidate's status (null when it had none) and whether it passes
    /// after the round.
    private var resultLines: [JSONValue] {
        var lines: [JSONValue] = []
        for key in history.samples {
            for round in overall.indices {
                let own = history.executions[round]?[key]
                guard let passes = history.passes(key, after: round) else { continue }
                lines.append(
                    .object([
                        ("record", .string("round")),
                        ("task_id", numericIDs ? key.taskID.sqlJSON : .string(key.taskID.rawValue)),
                        ("sample", .number(Double(key.sample))), ("round", .number(Double(round))),
                        ("candidate", .bool(own != nil)),
                        ("status", own.map { .string($0.status.name) } ?? .null),
                        ("passed", .bool(passes)),
                    ]))
            }
        }
        return lines
    }

    private var markdown: String {
        var out = "\n## Refinement\n\n"
        out += "Round 0 is the run's first answers; each later round asks the model to repair every sample still "
        out += "failing, showing it the feedback named below. A sample without a candidate of its own in a round "
        out += "keeps its verdict (*not attempted* when it was failing).\n\n"
        let revealing = rounds.filter(\.settings.feedback.showsTests)
        if !revealing.isEmpty {
            out += "Rounds \(revealing.map { String($0.round) }.joined(separator: ", ")) used feedback that shows the "
            out += "evaluation's own tests (`tests`, `trace`): their figures are not comparable with rounds whose "
            out += "feedback does not.\n\n"
        }
        var headers = ["round", "model", "repair", "feedback", "accuracy (%)", "cumulative (%)"]
        headers += ks.map { "pass@\($0) (%)" }
        headers += ["failed before", "fixed", "still failing", "not attempted", "success rate (%)"]
        if rounds.contains(where: \.settings.refinePassing) { headers += ["pass→fail"] }
        var table = MarkdownTable(headers: headers)
        for figures in overall {
            let settings = settings(figures.round)
            var row = [
                String(figures.round), settings?.model ?? "(first answers)", settings?.repair.rawValue ?? "–",
                settings.map { $0.feedback.rawValue + ($0.oracleFeedback ? " + oracle" : "") } ?? "–",
                percent(figures.accuracy), percent(figures.cumulativeAccuracy),
            ]
            row += ks.map { percent(figures.passAtK[$0]) }
            if figures.round == 0 {
                row += ["–", "–", "–", "–", "–"]
            } else {
                row += [
                    String(figures.failedBefore), String(figures.fixed), String(figures.stillFailing),
                    String(figures.notAttempted), percent(figures.successRefinementRate),
                ]
            }
            if headers.last == "pass→fail" { row.append(figures.round == 0 ? "–" : String(figures.passToFail)) }
            table.append(row)
        }
        out += table.rendered
        if !categories.isEmpty {
            out += "\n### Accuracy by category and round (%)\n\n"
            var byCategory = MarkdownTable(headers: ["category", "samples"] + overall.map { "round \($0.round)" })
            for (name, figures) in categories {
                byCategory.append([name, String(figures.first?.samples ?? 0)] + figures.map { percent($0.accuracy) })
            }
            out += byCategory.rendered
        }
        return out
    }

    private func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0 * 100) } ?? "–"
    }
}

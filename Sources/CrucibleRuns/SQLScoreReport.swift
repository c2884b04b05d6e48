import CrucibleBenchmarks
import CrucibleCore
import CrucibleReports
import Foundation

/// The markdown report of a text-to-SQL score run.
enum SQLScoreReport {
    static func markdown(_ result: SQLScoreResult, provenance: SQLScoreOutput.Provenance) -> String {
        let breakdown = result.breakdown()
        var out = "# Execution accuracy: \(result.kind.rawValue)\n\n"
        out += "- dataset: `\(provenance.dataset)`\n- predictions: `\(provenance.predictions)`\n"
        if let version = provenance.modelVersion { out += "- model version: `\(version)`\n" }
        out += "- rule: `\(result.rules[0].rawValue)`; timeout \(provenance.timeout) s per query\n\n"
        out +=
            AccuracyTableRenderer.table(
                breakdown, categoryTitle: result.kind.categoryName, metricTitle: "execution accuracy (%)"
            ).rendered
        if breakdown.all.unavailable > 0 {
            let missing = Set(result.scores.filter { $0.status == .unavailable }.map(\.databaseID)).sorted()
            out += "\n\(breakdown.all.unavailable) of \(breakdown.all.total) tasks are unavailable (no database: "
            out += missing.map { "`\($0)`" }.joined(separator: ", ") + ") and are not counted.\n"
        }
        out += findingsSection(result.inputFindings)
        out += "\n## Verdicts\n\n"
        var statuses = MarkdownTable(headers: ["status", "tasks"])
        for status in ScoreStatus.allCases {
            if let count = result.statusCounts[status] { statuses.append([status.rawValue, String(count)]) }
        }
        out += statuses.rendered
        out += goldSection(result.goldChecks)
        if result.rules.count > 1 { out += rulesSection(result) }
        return out
    }

    private static func findingsSection(_ findings: [SQLJudgedFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        var out = "\n## Input findings\n\n"
        out +=
            findings.count == 1
            ? "1 line of the predictions file has TABs inside its SQL."
            : "\(findings.count) lines of the predictions file have TABs inside their SQL."
        out += " The official evaluator splits each line on TAB and scores only the first field, and so does this "
        out += "score; the whole line, executed under the same rule, is shown beside it.\n\n"
        var table = MarkdownTable(
            headers: ["line", "task", "scored SQL", "verdict", "whole-line SQL", "whole-line verdict"],
            alignments: [.right, .right, .left, .left, .left, .left])
        for item in findings {
            table.append([
                String(item.finding.line), String(item.finding.taskID), "`\(item.finding.scoredSQL)`",
                item.verdict.rawValue, "`\(item.finding.wholeLineSQL)`", item.wholeLineVerdict.rawValue,
            ])
        }
        return out + table.rendered
    }

    private static func goldSection(_ checks: GoldCheckReport) -> String {
        var out = "\n## Gold checks\n\n"
        out += "- \(checks.executed) gold executions; \(checks.failures.count) failed.\n"
        out += "- \(checks.orderChecked) golds that order or limit rows were re-run with ties broken explicitly "
        out += "and with the scan order reversed; \(checks.nondeterministic.count) gave a different result.\n"
        out += "- Maximum reachable accuracy: \(AccuracyTableRenderer.percent(checks.maxReachableAccuracy)) %"
        out += checks.nondeterministic.isEmpty ? ".\n" : " (the nondeterministic golds may lower it further).\n"
        if !checks.failures.isEmpty {
            var table = MarkdownTable(
                headers: ["task", "database", "status", "message"], alignments: [.right, .left, .left, .left])
            for failure in checks.failures {
                table.append([
                    failure.taskID.rawValue, (failure.database as NSString).lastPathComponent, failure.status,
                    failure.message,
                ])
            }
            out += "\nGolds that fail:\n\n" + table.rendered
        }
        if !checks.nondeterministic.isEmpty {
            var table = MarkdownTable(
                headers: ["task", "database", "why", "gold"], alignments: [.right, .left, .left, .left])
            for item in checks.nondeterministic {
                table.append([
                    item.taskID.rawValue, (item.database as NSString).lastPathComponent, item.reason, "`\(item.sql)`",
                ])
            }
            out += "\nGolds whose result depends on physical row order (ties):\n\n" + table.rendered
        }
        return out
    }

    private static func rulesSection(_ result: SQLScoreResult) -> String {
        var out = "\n## Rules compared\n\n"
        var table = MarkdownTable(headers: ["rule", "passed", "accuracy (%)"])
        for (index, rule) in result.rules.enumerated() {
            let tally = result.breakdown(ruleIndex: index).all
            table.append([rule.rawValue, String(tally.passed), AccuracyTableRenderer.percent(tally.accuracy)])
        }
        out += table.rendered
        let disagreements = result.ruleDisagreements
        out += "\n\(disagreements.count) tasks get different verdicts under different rules"
        guard !disagreements.isEmpty else { return out + ".\n" }
        var detail = MarkdownTable(headers: ["task"] + result.rules.map(\.rawValue), alignments: nil)
        for score in disagreements {
            detail.append([score.taskID.rawValue] + score.statuses.map(\.status.rawValue))
        }
        return out + ":\n\n" + detail.rendered
    }
}

public import CrucibleCore

/// A report as JSON: every number its tables show.
public enum ReportJSON {
    public static func render(_ report: RunReport) -> JSONValue {
        .object([
            (
                "columns",
                .array(
                    report.columns.map {
                        .object([
                            ("benchmark", .string($0.benchmark)), ("k", .number(Double($0.k))),
                            ("title", .string($0.title)),
                        ])
                    })
            ),
            (
                "rows",
                .array(
                    report.rows.map { row in
                        .object([("label", .string(row.label)), ("cells", .array(row.cells.map { $0?.json ?? .null }))])
                    })
            ),
            (
                "breakdowns",
                .array(
                    report.breakdowns.map { breakdown in
                        .object([
                            ("benchmark", .string(breakdown.benchmark)), ("grouping", .string(breakdown.grouping)),
                            ("labels", .array(breakdown.labels.map(JSONValue.string))),
                            (
                                "groups",
                                .array(
                                    breakdown.groups.map { group in
                                        .object([
                                            ("name", .string(group.name)), ("tasks", .number(Double(group.tasks))),
                                            (
                                                "accuracies",
                                                .array(group.accuracies.map { $0.map(JSONValue.number) ?? .null })
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "refinement",
                .array(
                    report.runs.filter { $0.details.rounds.count > 1 }.map { run in
                        .object([
                            ("label", .string(run.label)), ("benchmark", .string(run.benchmark)),
                            (
                                "rounds",
                                .array(
                                    run.details.rounds.map { round in
                                        .object([
                                            ("round", .number(Double(round.round))),
                                            ("repair", round.repair.map(JSONValue.string) ?? .null),
                                            ("feedback", round.feedback.map(JSONValue.string) ?? .null),
                                            ("accuracy", round.accuracy.map(JSONValue.number) ?? .null),
                                            (
                                                "success_refinement_rate",
                                                round.successRate.map(JSONValue.number) ?? .null
                                            ),
                                            ("fail_to_pass", .number(Double(round.failToPass))),
                                            ("fail_to_fail", .number(Double(round.failToFail))),
                                            ("not_attempted", .number(Double(round.notAttempted))),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "versions",
                .array(
                    report.iterations.map { iteration in
                        .object([
                            ("benchmark", .string(iteration.benchmark)), ("version", .string(iteration.version)),
                            ("parent", iteration.parent.map(JSONValue.string) ?? .null),
                            ("accuracy", iteration.cell?.json ?? .null),
                            ("change", iteration.change?.json ?? .null),
                        ])
                    })
            ),
            (
                "bootstrap",
                .object([("resamples", .number(Double(report.resamples))), ("seed", .number(Double(report.seed)))])
            ),
        ])
    }
}

public import CrucibleCore

/// "Is version B really better than version A?": two results compared on the tasks both scored. The difference in
/// accuracy comes with a paired bootstrap interval (tasks resampled together), McNemar's exact test on the tasks
/// whose first-sample verdict flipped, the flipped tasks themselves, and the same per category.
public struct PairedComparison: Sendable {
    public struct Side: Sendable {
        public var label: String
        public var directory: String
        /// Mean per-task pass rate (pass@1 over samples) on the paired tasks.
        public var accuracy: Double
        /// Paired tasks whose first sample passed.
        public var passed: Int
    }

    public struct CategoryDifference: Sendable {
        public var name: String
        public var pairedTasks: Int
        public var a: Double
        public var b: Double
        public var difference: Double { b - a }
        public var failToPass: Int
        public var passToFail: Int
    }

    public var pairedTasks: Int
    public var a: Side
    public var b: Side
    /// b − a, with its paired bootstrap interval.
    public var difference: BootstrapInterval
    public var mcnemarP: Double
    /// Holm-adjusted p-value when several versions were compared with the same first one.
    public var adjustedP: Double?
    /// Task ids (as results.jsonl writes them) whose first sample failed in A and passed in B, and the reverse.
    public var failToPass: [JSONValue]
    public var passToFail: [JSONValue]
    public var categories: [CategoryDifference]
    public var round: Int
    public var resamples: Int
    public var seed: UInt64

    /// Compares `b` with `a` after `round` (0: first answers; clamped to each run's last round).
    public static func compare(
        _ a: EvaluatedRun, _ b: EvaluatedRun, round: Int = 0, resamples: Int = 10_000, seed: UInt64 = 0
    ) -> PairedComparison {
        let byKey = Dictionary(b.scoredTasks.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [(task: EvaluatedTask, a: EvaluatedTask, b: EvaluatedTask)] = []
        for task in a.scoredTasks {
            if let other = byKey[task.key] { pairs.append((task, task, other)) }
        }
        let roundA = min(round, a.refinementRounds)
        let roundB = min(round, b.refinementRounds)
        let ratesA = pairs.map { $0.a.passRate(round: roundA) ?? 0 }
        let ratesB = pairs.map { $0.b.passRate(round: roundB) ?? 0 }
        let firstA = pairs.map { $0.a.firstPassed(round: roundA) ?? false }
        let firstB = pairs.map { $0.b.firstPassed(round: roundB) ?? false }
        var failToPass: [JSONValue] = []
        var passToFail: [JSONValue] = []
        for (index, pair) in pairs.enumerated() where firstA[index] != firstB[index] {
            if firstB[index] { failToPass.append(pair.task.id) } else { passToFail.append(pair.task.id) }
        }
        var categories: [CategoryDifference] = []
        var names: [String] = []
        var members: [String: [Int]] = [:]
        for (index, pair) in pairs.enumerated() {
            guard let category = pair.a.category else { continue }
            if members[category] == nil { names.append(category) }
            members[category, default: []].append(index)
        }
        for name in names {
            let indices = members[name]!
            categories.append(
                CategoryDifference(
                    name: name, pairedTasks: indices.count, a: mean(indices.map { ratesA[$0] }),
                    b: mean(indices.map { ratesB[$0] }),
                    failToPass: indices.filter { !firstA[$0] && firstB[$0] }.count,
                    passToFail: indices.filter { firstA[$0] && !firstB[$0] }.count))
        }
        return PairedComparison(
            pairedTasks: pairs.count,
            a: Side(
                label: a.label, directory: a.directory, accuracy: mean(ratesA),
                passed: firstA.filter { $0 }.count),
            b: Side(
                label: b.label, directory: b.directory, accuracy: mean(ratesB),
                passed: firstB.filter { $0 }.count),
            difference: Bootstrap.pairedDifference(from: ratesA, to: ratesB, resamples: resamples, seed: seed)
                ?? BootstrapInterval(estimate: 0, low: 0, high: 0),
            mcnemarP: McNemarTest.exactPValue(firstOnly: passToFail.count, secondOnly: failToPass.count),
            adjustedP: nil, failToPass: failToPass, passToFail: passToFail, categories: categories, round: round,
            resamples: resamples, seed: seed)
    }

    /// Each of `others` against `first`, with Holm-adjusted p-values when there are several.
    public static func compare(
        _ first: EvaluatedRun, with others: [EvaluatedRun], round: Int = 0, resamples: Int = 10_000,
        seed: UInt64 = 0
    ) -> [PairedComparison] {
        var comparisons = others.map { compare(first, $0, round: round, resamples: resamples, seed: seed) }
        if comparisons.count > 1 {
            let adjusted = HolmAdjustment.adjustedPValues(comparisons.map(\.mcnemarP))
            for index in comparisons.indices { comparisons[index].adjustedP = adjusted[index] }
        }
        return comparisons
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The object `crucible compare --json` prints.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("paired_tasks", .number(Double(pairedTasks))),
            ("a", side(a)), ("b", side(b)),
            (
                "difference",
                .object([
                    ("value", .number(difference.estimate)), ("low", .number(difference.low)),
                    ("high", .number(difference.high)),
                ])
            ),
            ("mcnemar_p", .number(mcnemarP)),
        ]
        if let adjustedP { fields.append(("mcnemar_p_holm", .number(adjustedP))) }
        fields += [
            ("fail_to_pass", .array(failToPass)), ("pass_to_fail", .array(passToFail)),
            (
                "categories",
                .object(
                    categories.map { category in
                        (
                            category.name,
                            .object([
                                ("paired_tasks", .number(Double(category.pairedTasks))),
                                ("a", .number(category.a)), ("b", .number(category.b)),
                                ("difference", .number(category.difference)),
                                ("fail_to_pass", .number(Double(category.failToPass))),
                                ("pass_to_fail", .number(Double(category.passToFail))),
                            ])
                        )
                    })
            ),
            ("round", .number(Double(round))),
            ("bootstrap", .object([("resamples", .number(Double(resamples))), ("seed", .number(Double(seed)))])),
        ]
        return .object(fields)
    }

    private func side(_ side: Side) -> JSONValue {
        .object([
            ("label", .string(side.label)), ("directory", .string(side.directory)),
            ("accuracy", .number(side.accuracy)), ("passed", .number(Double(side.passed))),
        ])
    }
}

/// Spider's official execution match, as test-suite-sql-eval's `evaluation.py --etype exec` computes it.
///
/// Before execution: every `value` in the prediction becomes `1`; `> =`, `< =`, `! =` are joined in both
/// queries; unless `keepDistinct`, the DISTINCT keyword is removed from both (which, as in the official
/// tokenizer-based removal, also keeps only the first statement); `YEAR(CURDATE())` becomes `2020`.
/// Row order matters only when the rewritten gold contains `order by`. Results are bags of rows, and any
/// permutation of the prediction's columns may be chosen. Values compare as Python objects (`1 == 1.0`).
public struct SpiderExecutionRule: SQLComparisonRule {
    public var keepDistinct: Bool

    public init(keepDistinct: Bool = false) {
        self.keepDistinct = keepDistinct
    }

    public var name: SQLRuleName { .spider }

    public func prepare(prediction: String, gold: String) -> PreparedComparison {
        var predicted = SpiderQueryRewriter.replacePlaceholderValues(prediction)
        predicted = SpiderQueryRewriter.joinSpacedOperators(predicted)
        var expected = SpiderQueryRewriter.joinSpacedOperators(gold)
        if !keepDistinct {
            predicted = SpiderQueryRewriter.removeDistinct(predicted)
            expected = SpiderQueryRewriter.removeDistinct(expected)
        }
        let orderMatters = ASCIISearch.contains(expected, "order by")
        return PreparedComparison(
            prediction: SpiderQueryRewriter.replaceCurrentYear(predicted),
            gold: SpiderQueryRewriter.replaceCurrentYear(expected),
            orderMatters: orderMatters
        )
    }

    public func matches(prediction: SQLResultTable, gold: SQLResultTable, orderMatters: Bool) -> Bool {
        let goldRows = gold.rows
        let predictedRows = prediction.rows
        if goldRows.isEmpty && predictedRows.isEmpty { return true }
        guard goldRows.count == predictedRows.count else { return false }
        let columnCount = goldRows[0].count
        guard predictedRows[0].count == columnCount else { return false }
        // Identical tables pass both official checks (the identity permutation; identical sort keys).
        if goldRows == predictedRows && !Self.holdsReals(goldRows) { return true }
        let someColumnOrderFits = ColumnPermutations(gold: goldRows, prediction: predictedRows).contains {
            permutation in
            let permuted = predictedRows.map { row in permutation.map { row[$0] } }
            return orderMatters ? goldRows == permuted : RowBag.equal(goldRows, permuted)
        }
        guard someColumnOrderFits else { return false }
        // When some column order fits, every predicted row holds the same values as a gold row, so the official
        // quick rejection can only differ where equal values sort differently: a real beside an integer
        // (`1.0` vs `1`) or `-0.0` beside `0.0`. Only then is it worth running.
        guard Self.holdsReals(goldRows) || Self.holdsReals(predictedRows) else { return true }
        return Self.sortedRowsAgree(goldRows, predictedRows, orderMatters: orderMatters)
    }

    private static func holdsReals(_ rows: [[SQLValue]]) -> Bool {
        rows.contains { row in
            row.contains { value in
                if case .real = value { return true }
                return false
            }
        }
    }

    /// The official quick rejection: each row's values sorted by `str(v) + str(type(v))`, then the lists compared
    /// (in order) or their sets compared. It is not exactly implied by the full check (an integer and an equal
    /// real sort differently), so it is kept as a condition of its own to give the official verdicts.
    static func sortedRowsAgree(_ gold: [[SQLValue]], _ prediction: [[SQLValue]], orderMatters: Bool) -> Bool {
        let lhs = gold.map(Self.unorderedRow)
        let rhs = prediction.map(Self.unorderedRow)
        return orderMatters ? lhs == rhs : Set(lhs) == Set(rhs)
    }

    static func unorderedRow(_ row: [SQLValue]) -> [SQLValue] {
        guard row.count > 1 else { return row }
        let keyed = row.map { value in (key: Array((value.description + value.pythonTypeName).utf8), value: value) }
        // UTF-8 byte order is code point order, which is how Python compares strings; the sort must be stable.
        return keyed.enumerated().sorted { lhs, rhs in
            if lhs.element.key != rhs.element.key {
                return lhs.element.key.lexicographicallyPrecedes(rhs.element.key)
            }
            return lhs.offset < rhs.offset
        }.map(\.element.value)
    }
}

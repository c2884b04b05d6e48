import ArgumentParser
import CrucibleBenchmarks
import CrucibleSQL
import Foundation

/// How answers are judged and counted: the same for `score` and `run`.
struct JudgingOptions: ParsableArguments {
    @Option(help: "Spider/BIRD: the comparison rule: spider, bird, ordered or multiset (default: the official one).")
    var rule: SQLRuleName?

    @Option(help: "Spider/BIRD: several rules in one pass: `all`, or a comma-separated list; the first is primary.")
    var rules: String?

    @Flag(help: "Spider rule: keep DISTINCT instead of removing it from both queries.")
    var keepDistinct = false

    @Flag(help: "Spider/BIRD: judge the tasks whose database exists and report the others as unavailable.")
    var allowUnavailable = false

    @Option(help: "The k values of pass@k, comma-separated.")
    var k = "1"

    func validate() throws {
        if rule != nil && rules != nil { throw ValidationError("give --rule or --rules, not both") }
        _ = try ks()
        _ = try chosenRules(for: .spider)
    }

    /// `--k`: positive whole numbers separated by commas.
    func ks() throws -> [Int] {
        try Self.ks(k)
    }

    static func ks(_ text: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--k takes positive whole numbers separated by commas, e.g. 1,10")
        }
        return values.compactMap { $0 }
    }

    /// `--rule` or `--rules`: nil for the benchmark's official rule alone; `all` puts the official one first.
    func chosenRules(for kind: SQLBenchmarkKind) throws -> [SQLRuleName]? {
        let official: SQLRuleName = kind == .spider ? .spider : .bird
        if let rule { return [rule] }
        guard let rules else { return nil }
        if rules == "all" { return [official] + SQLRuleName.allCases.filter { $0 != official } }
        return try rules.split(separator: ",").map { name in
            guard let rule = SQLRuleName(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError(
                    "unknown rule `\(name)`; rules: \(SQLRuleName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return rule
        }
    }
}

/// Completions made elsewhere, by task, round, step and sample: what a replayed model answers with. Round 0 holds
/// a task's first answers; refinement rounds hold repairs (and, in explain-then-fix, their explanations).
public struct RecordedCompletions: Sendable {
    public struct Key: Hashable, Sendable {
        public var taskID: String
        public var round: Int
        public var step: GenerationStep

        public init(taskID: String, round: Int = 0, step: GenerationStep = .answer) {
            self.taskID = taskID
            self.round = round
            self.step = step
        }
    }

    public private(set) var texts: [Key: [Int: String]] = [:]

    public init() {}

    /// Round-0 answers: each task's completions as samples 0, 1, ...
    public init(firstAnswers: [String: [String]]) {
        for (task, list) in firstAnswers {
            texts[Key(taskID: task)] = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($0, $1) })
        }
    }

    /// Round-0 answers by sample index (imported batch answers may start anywhere).
    public init(firstAnswersBySample: [String: [Int: String]]) {
        for (task, samples) in firstAnswersBySample { texts[Key(taskID: task)] = samples }
    }

    /// Adds a completion; false when that (key, sample) already has one.
    @discardableResult
    public mutating func add(_ text: String, for key: Key, sample: Int) -> Bool {
        guard texts[key]?[sample] == nil else { return false }
        texts[key, default: [:]][sample] = text
        return true
    }

    public func text(for key: Key, sample: Int) -> String? {
        texts[key]?[sample]
    }

    /// The rounds above 0 that hold anything.
    public var refinementRounds: [Int] {
        Set(texts.keys.map(\.round)).filter { $0 > 0 }.sorted()
    }
}

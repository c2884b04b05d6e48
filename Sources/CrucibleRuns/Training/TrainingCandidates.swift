import CrucibleCore
import CrucibleModels
import Foundation

/// A run's judged candidates by task, every round included, with each task's original prompt: what training
/// exports are made of. Candidates whose code is the same after white space is collapsed count once.
struct TrainingCandidates {
    struct Candidate {
        var generation: StoredGeneration
        var execution: StoredExecution
        /// The executed code with white space collapsed: what "identical" means.
        var normalized: String
    }

    struct TaskCandidates {
        var taskID: TaskID
        var prompt: Prompt
        var passing: [Candidate]
        var failing: [Candidate]
    }

    let tasks: [TaskCandidates]
    let configuration: RunConfiguration
    let store: RunStore
    let rounds: [StoredRound]
    let history: RefinementHistory

    var taskCount: Int { tasks.count }

    init(store: RunStore, configuration: RunConfiguration) throws {
        self.store = store
        self.configuration = configuration
        rounds = try store.rounds()
        history = try RefinementHistory.load(store, through: rounds.map(\.round).max() ?? 0)
        let decoder = JSONDecoder()
        var byTask: [TaskID: TaskCandidates] = [:]
        var order: [TaskID] = []
        for round in 0...(rounds.map(\.round).max() ?? 0) {
            for (key, execution) in history.executions[round] ?? [:] {
                guard let passed = execution.passed, let generation = history.generations[round]?[key] else { continue }
                if byTask[key.taskID] == nil {
                    guard let first = history.generations[0]?[key],
                        let prompt = try? decoder.decode(Prompt.self, from: Data(first.prompt.utf8))
                    else { continue }
                    byTask[key.taskID] = TaskCandidates(taskID: key.taskID, prompt: prompt, passing: [], failing: [])
                    order.append(key.taskID)
                }
                let candidate = Candidate(
                    generation: generation, execution: execution,
                    normalized: generation.code.split(whereSeparator: \.isWhitespace).joined(separator: " "))
                if passed {
                    byTask[key.taskID]!.passing.append(candidate)
                } else {
                    byTask[key.taskID]!.failing.append(candidate)
                }
            }
        }
        let positions = Dictionary(
            uniqueKeysWithValues: try store.positionedTasks().map { ($0.id, $0.position) })
        tasks = order.sorted { (positions[$0] ?? 0) < (positions[$1] ?? 0) }.map { id in
            var task = byTask[id]!
            task.passing = Self.distinct(task.passing)
            task.failing = Self.distinct(task.failing)
            return task
        }
    }

    /// One per normalized code, in round and sample order.
    static func distinct(_ candidates: [Candidate]) -> [Candidate] {
        var seen = Set<String>()
        return candidates.sorted {
            ($0.generation.round, $0.generation.sample) < ($1.generation.round, $1.generation.sample)
        }.filter { seen.insert($0.normalized).inserted }
    }

    // MARK: Lines

    func preferenceLines(format: TrainingExport.Format, maxPairs: Int?, seed: UInt64) -> [JSONValue] {
        var generator = SplitMix64(seed: seed)
        var lines: [JSONValue] = []
        for task in tasks {
            var pairs: [(Candidate, Candidate)] = []
            for chosen in task.passing {
                for rejected in task.failing where rejected.normalized != chosen.normalized {
                    pairs.append((chosen, rejected))
                }
            }
            for index in stride(from: pairs.count - 1, to: 0, by: -1) {
                pairs.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
            for (chosen, rejected) in pairs.prefix(maxPairs ?? pairs.count) {
                var fields = promptField(task.prompt, format: format)
                fields.append(("chosen", answer(chosen.generation.raw, format: format)))
                fields.append(("rejected", answer(rejected.generation.raw, format: format)))
                fields.append(
                    (
                        "metadata",
                        metadata(task.taskID, [("chosen", describe(chosen)), ("rejected", describe(rejected))])
                    ))
                lines.append(.object(fields))
            }
        }
        return lines
    }

    func sftLines(format: TrainingExport.Format) -> [JSONValue] {
        var lines: [JSONValue] = []
        for task in tasks {
            let labelled = task.passing.map { ($0, true) } + (format == .kto ? task.failing.map { ($0, false) } : [])
            for (candidate, passed) in labelled {
                var fields = promptField(task.prompt, format: format)
                fields.append(("completion", answer(candidate.generation.raw, format: format)))
                if format == .kto { fields.append(("label", .bool(passed))) }
                fields.append(("metadata", metadata(task.taskID, [("candidate", describe(candidate))])))
                lines.append(.object(fields))
            }
        }
        return lines
    }

    /// LEDEX's repair data: the repair conversation up to the feedback (and the request to explain, in
    /// explain-then-fix) as prompt; the explanation and the fix that passed as completion.
    func repairLines(format: TrainingExport.Format) -> [JSONValue] {
        var lines: [JSONValue] = []
        for round in rounds {
            guard let repairs = try? store.repairs(round: round.round) else { continue }
            for repair in repairs {
                let key = RefinementHistory.SampleKey(taskID: repair.taskID, sample: repair.sample)
                guard history.executions[round.round]?[key]?.passed == true,
                    let fix = history.generations[round.round]?[key],
                    let previous = history.generations[repair.sourceRound]?[key],
                    let task = tasks.first(where: { $0.taskID == repair.taskID })
                else { continue }
                let explains = round.settings.repair == .explainThenFix
                let prompt = RepairConversation.prompt(
                    original: task.prompt, previousAnswer: previous.raw, feedback: repair.feedback,
                    mode: round.settings.repair, step: explains ? .explanation : .answer, explanation: nil)
                let completion = (explains ? (repair.explanation ?? "") + "\n\n" : "") + fix.raw
                var fields = promptField(prompt, format: format)
                fields.append(("completion", answer(completion, format: format)))
                if format == .kto { fields.append(("label", .bool(true))) }
                fields.append(
                    (
                        "metadata",
                        metadata(
                            repair.taskID,
                            [
                                ("round", .number(Double(round.round))), ("sample", .number(Double(repair.sample))),
                                ("repair", .string(round.settings.repair.rawValue)),
                                ("feedback", .string(round.settings.feedback.rawValue)),
                            ])
                    ))
                lines.append(.object(fields))
            }
        }
        return lines
    }

    // MARK: Fields

    private func promptField(_ prompt: Prompt, format: TrainingExport.Format) -> [(String, JSONValue)] {
        guard format == .conversational, case .chat(let messages) = prompt else {
            return [("prompt", .string(prompt.plainText))]
        }
        return [("prompt", .array(messages.map(message)))]
    }

    private func answer(_ text: String, format: TrainingExport.Format) -> JSONValue {
        format == .conversational ? .array([message(.assistant(text))]) : .string(text)
    }

    private func message(_ message: ChatMessage) -> JSONValue {
        .object([("role", .string(message.role)), ("content", .string(message.content))])
    }

    private func describe(_ candidate: Candidate) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("round", .number(Double(candidate.generation.round))),
            ("sample", .number(Double(candidate.generation.sample))),
            ("status", .string(candidate.execution.status.name)),
            ("model", .string(candidate.generation.model)),
        ]
        if candidate.execution.passed == false {
            let exception =
                (try? JSONSerialization.jsonObject(with: Data(candidate.execution.detail.utf8)) as? [String: Any])?[
                    "exceptionType"] as? String
            fields.append(("error_kind", .string(exception ?? candidate.execution.status.name)))
        }
        return .object(fields)
    }

    private func metadata(_ taskID: TaskID, _ extra: [(String, JSONValue)]) -> JSONValue {
        .object(
            [("task_id", .string(taskID.rawValue)), ("benchmark", .string(configuration.benchmark.rawValue))] + extra
                + [
                    ("model_version", configuration.modelVersion.map(JSONValue.string) ?? .null),
                    ("parent_version", configuration.parentVersion.map(JSONValue.string) ?? .null),
                    ("split", configuration.split.map { .string($0.rawValue) } ?? .null),
                    ("unsplit_allowed", .bool(configuration.split == nil)),
                ])
    }
}

import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import CrucibleReports
import Foundation

/// The per-task data of the HTML view, for each result: every candidate of every round with its verdict, what
/// went wrong, the feedback the model was shown, the task's prompt and (text-to-SQL) its gold query. A run
/// directory's store has all of it; a score directory has the verdicts and errors only.
enum TaskViewLoader {
    static func json(_ runs: [EvaluatedRun]) -> JSONValue {
        .object([("runs", .array(runs.map(run)))])
    }

    static func run(_ run: EvaluatedRun) -> JSONValue {
        let store =
            FileManager.default.fileExists(atPath: "\(run.directory)/run.sqlite")
            ? try? RunStore(path: "\(run.directory)/run.sqlite") : nil
        let sqlTasks = sqlTasks(try? store?.configuration())
        let stored = store.flatMap { try? Stored(store: $0, sqlTasks: sqlTasks) }
        let golds = sqlTasks?.mapValues(\.gold) ?? [:]
        let tasks: [JSONValue] = run.tasks.map { task in
            var fields: [(String, JSONValue)] = [("id", .string(task.key))]
            fields.append(("c", task.category.map(JSONValue.string) ?? .null))
            if task.samples == nil {
                fields.append(("u", .number(1)))
            } else {
                fields.append(("n", .number(Double(task.samples?.count ?? 0))))
                // Passing samples after each round, and whether the first sample passes.
                fields.append(("p", .array(task.rounds.map { .number(Double($0.filter { $0 }.count)) })))
                fields.append(("f", .array(task.rounds.map { .number($0.first == true ? 1 : 0) })))
            }
            if let stored {
                let id = TaskID(task.key)
                if let prompt = stored.prompts[id] { fields.append(("q", .string(prompt))) }
                if let gold = golds[id] { fields.append(("g", .string(gold))) }
                fields.append(("k", .array(stored.candidates[id] ?? [])))
            }
            return .object(fields)
        }
        return .object([
            ("label", .string(run.label)), ("benchmark", .string(run.benchmark)),
            ("category", run.categoryName.map(JSONValue.string) ?? .null),
            ("rounds", .number(Double(run.refinementRounds + 1))), ("tasks", .array(tasks)),
        ])
    }

    /// What the store holds per task: the first prompt and each candidate as
    /// `[round, sample, passed, status, code, what went wrong, feedback shown]`.
    struct Stored {
        var configuration: RunConfiguration?
        var prompts: [TaskID: String] = [:]
        var candidates: [TaskID: [JSONValue]] = [:]

        /// `sqlTasks`: a text-to-SQL run's tasks, to show what a wrong query returned.
        init(store: RunStore, sqlTasks: [TaskID: SQLTask]?) throws {
            configuration = try store.configuration()
            let last = try store.rounds().map(\.round).max() ?? 0
            let decoder = JSONDecoder()
            let preview = SQLResultPreview()
            for round in 0...last {
                let executions = Dictionary(
                    try store.executions(round: round).map { ("\($0.taskID)#\($0.sample)", $0) },
                    uniquingKeysWith: { first, _ in first })
                let feedback = Dictionary(
                    try store.repairs(round: round).map { ("\($0.taskID)#\($0.sample)", $0.feedback) },
                    uniquingKeysWith: { first, _ in first })
                for generation in try store.generations(round: round) {
                    let key = "\(generation.taskID)#\(generation.sample)"
                    if round == 0 && generation.sample == 0,
                        let prompt = try? decoder.decode(Prompt.self, from: Data(generation.prompt.utf8))
                    {
                        prompts[generation.taskID] = prompt.plainText
                    }
                    let execution = executions[key]
                    var problem = execution.map(Self.problem) ?? ""
                    if let task = sqlTasks?[generation.taskID], case .sql(.mismatch)? = execution?.status {
                        problem +=
                            (problem.isEmpty ? "" : "\n") + "returned:\n"
                            + preview.render(
                                generation.code, task: task, timeout: configuration?.timeout ?? 30)
                    }
                    candidates[generation.taskID, default: []].append(
                        .array([
                            .number(Double(round)), .number(Double(generation.sample)),
                            execution?.passed.map { .number($0 ? 1 : 0) } ?? .null,
                            .string(execution?.status.name ?? "not judged"), .string(generation.code),
                            .string(problem),
                            feedback[key].map(JSONValue.string) ?? .null,
                        ]))
                }
            }
        }

        /// One line or a few on what went wrong, from the verdict's detail.
        static func problem(_ execution: StoredExecution) -> String {
            guard execution.passed == false,
                let detail = try? JSONSerialization.jsonObject(with: Data(execution.detail.utf8)) as? [String: Any]
            else { return "" }
            if let error = detail["error"] as? String { return error }
            var text = [detail["exceptionType"] as? String, detail["message"] as? String].compactMap { $0 }
                .filter { !$0.isEmpty }.joined(separator: ": ")
            if let traceback = detail["traceback"] as? [String], !traceback.isEmpty {
                text += "\n" + traceback.suffix(3).joined(separator: "\n")
            }
            if let predicted = detail["predicted_rows"] as? Int, let gold = detail["gold_rows"] as? Int {
                text += (text.isEmpty ? "" : "\n") + "rows: \(predicted) predicted, \(gold) expected"
            }
            return text
        }
    }

    /// A text-to-SQL run's tasks (their gold queries are shown only in this local view, and their databases run
    /// the wrong queries again to show what they returned), by id.
    static func sqlTasks(_ configuration: RunConfiguration??) -> [TaskID: SQLTask]? {
        guard let configuration = configuration ?? nil, let kind = configuration.benchmark.sqlKind,
            let sql = configuration.sql,
            let loaded = try? kind.load(directory: configuration.dataset, questions: sql.questions)
        else { return nil }
        return Dictionary(loaded.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The default prompt templates and the values each benchmark fills them with (docs: README, "Prompts").
public enum BenchmarkPrompts {
    /// Text-to-SQL: `{schema}` (CREATE TABLE statements with example rows), `{question}`, `{evidence}` (BIRD's
    /// external knowledge as a comment line, or nothing), `{examples}` (few-shot examples, or nothing),
    /// `{database}` (the database id).
    public static let sqlPlaceholders: Set<String> = ["schema", "question", "evidence", "examples", "database"]
    public static let sqlTemplate = """
        {examples}{schema}

        {evidence}-- Using valid SQLite, answer the following question for the tables provided above.
        -- Question: {question}
        -- Answer with one SQL query.

        """

    /// Python: `{prompt}` (the benchmark's own prompt: HumanEval's signature and docstring, DS-1000's problem),
    /// `{text}` and `{tests}` (MBPP's description and asserts), `{entry_point}` (HumanEval); CRUXEval's
    /// `{code}`, `{input}`, `{output}` and `{name}` (`CRUXEvalPrompts`).
    public static let pythonPlaceholders = Set(["prompt", "text", "tests", "entry_point"])
        .union(CRUXEvalPrompts.placeholders)
    public static let humanEvalTemplate = "{prompt}"
    public static let mbppTemplate = """
        You are an expert Python programmer, and here is your task: {text} Your code should pass these tests:

        {tests}

        """
    public static let ds1000Template = "{prompt}"

    public static func template(for task: PythonTask) -> String {
        switch task.assembly {
        case .humanEval: return humanEvalTemplate
        case .mbpp: return mbppTemplate
        case .ds1000: return ds1000Template
        case .cruxeval(_, _, _, let predicting):
            return CRUXEvalPrompts.template(predicting: predicting, style: .direct, hidesCode: false)
        }
    }

    public static func values(for task: PythonTask) -> [String: String] {
        var values = ["prompt": task.prompt, "text": task.prompt]
        switch task.assembly {
        case .humanEval(let entryPoint, _): values["entry_point"] = entryPoint
        case .mbpp(_, let asserts): values["tests"] = asserts.joined(separator: "\n")
        case .ds1000: break
        case .cruxeval(let code, let input, let output, _):
            values["code"] = code
            values["input"] = input
            values["output"] = output
            values["name"] = CRUXEvalFunction(taskID: task.id.rawValue, code: code).name
        }
        return values
    }

    /// `schema` from `SQLSchemaText`; `examples` already rendered (each a question and its SQL).
    public static func values(for task: SQLTask, schema: String, examples: String = "") -> [String: String] {
        [
            "schema": schema, "question": task.question, "database": task.databaseID, "examples": examples,
            "evidence": task.evidence.map { $0.isEmpty ? "" : "-- External knowledge: \($0)\n" } ?? "",
        ]
    }
}

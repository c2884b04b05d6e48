/// Builds the text-to-SQL prompts of a run: each task's database schema (read once per database), its question and
/// evidence, and the few-shot examples chosen for it, filled into the template.
public struct SQLPromptBuilder: Sendable {
    public var template: PromptTemplate
    /// Example rows shown per table.
    public var exampleRows: Int
    public var fewShot: FewShotPool?
    public var shots: Int
    public var selection: FewShotPool.Selection

    public init(
        template: PromptTemplate? = nil, exampleRows: Int = 3, fewShot: FewShotPool? = nil, shots: Int = 0,
        selection: FewShotPool.Selection = .similar
    ) throws(DatasetError) {
        if let template {
            self.template = template
        } else {
            self.template = try PromptTemplate(
                BenchmarkPrompts.sqlTemplate, allowed: BenchmarkPrompts.sqlPlaceholders, source: "default")
        }
        self.exampleRows = exampleRows
        self.fewShot = fewShot
        self.shots = shots
        self.selection = selection
    }

    /// One prompt per task, in order; a task without a database has no schema to show, so it is an error here (the
    /// caller leaves unavailable tasks out).
    public func prompts(for tasks: [SQLTask]) throws(DatasetError) -> [String] {
        var schemas: [String: String] = [:]
        var prompts: [String] = []
        prompts.reserveCapacity(tasks.count)
        for task in tasks {
            guard let path = task.databasePaths.first else {
                throw DatasetError(
                    .missingDatabase, file: task.databaseID, "task \(task.index) has no database to show")
            }
            let schema: String
            if let known = schemas[path] {
                schema = known
            } else {
                schema = try SQLSchemaText.describe(databasePath: path, exampleRows: exampleRows)
                schemas[path] = schema
            }
            let examples = fewShot.map { pool in
                FewShotPool.render(pool.select(for: task.question, count: shots, selection: selection))
            }
            prompts.append(
                template.render(BenchmarkPrompts.values(for: task, schema: schema, examples: examples ?? "")))
        }
        return prompts
    }
}

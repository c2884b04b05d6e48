public import CrucibleCore

/// One text-to-SQL question with its gold query and the databases it runs on.
public struct SQLTask: Sendable, Hashable {
    /// The question's index (0-based) in its questions file: where positional prediction files (Spider's
    /// `pred.txt`) and BIRD's keyed ones find its prediction. Its id is made from it.
    public var index: Int
    public var databaseID: String
    public var question: String
    /// BIRD's external knowledge, when the dataset has it.
    public var evidence: String?
    public var gold: String
    /// Spider hardness or BIRD difficulty; nil when the data does not give one and it cannot be computed.
    public var category: String?
    /// Every database file the task is judged on (Spider's test-suite variants add more than one); empty when the
    /// task's database is missing, which makes the task unavailable.
    public var databasePaths: [String]

    public init(
        index: Int, databaseID: String, question: String, evidence: String? = nil, gold: String,
        category: String?, databasePaths: [String]
    ) {
        self.index = index
        self.databaseID = databaseID
        self.question = question
        self.evidence = evidence
        self.gold = gold
        self.category = category
        self.databasePaths = databasePaths
    }

    public var isAvailable: Bool { !databasePaths.isEmpty }

    /// The task's identity: Spider and BIRD name a question by its index.
    public var id: TaskID { TaskID(index: index) }
}

/// How a run refines its answers (`--rounds`, `--repair`, `--feedback`, ...); rounds 0 means no refinement.
public struct RefinementOptions: Sendable, Equatable {
    /// Repair rounds after the first answers (the run ends with rounds 1...rounds, or earlier when nothing fails).
    public var rounds = 0
    public var repair: RepairMode = .fix
    public var feedback: FeedbackKind = .error
    /// Replaces the feedback kind's default template (`{details}` is the kind's text).
    public var feedbackTemplate: String?
    /// Also show the gold result (text-to-SQL); the report's first line says so.
    public var oracleFeedback = false
    /// Ask passing samples to improve as well (pass→fail is then counted).
    public var refinePassing = false

    public init(
        rounds: Int = 0, repair: RepairMode = .fix, feedback: FeedbackKind = .error, feedbackTemplate: String? = nil,
        oracleFeedback: Bool = false, refinePassing: Bool = false
    ) {
        self.rounds = rounds
        self.repair = repair
        self.feedback = feedback
        self.feedbackTemplate = feedbackTemplate
        self.oracleFeedback = oracleFeedback
        self.refinePassing = refinePassing
    }
}

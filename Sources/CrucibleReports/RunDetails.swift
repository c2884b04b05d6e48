public import CrucibleCore

/// What a report shows about a result beyond its verdicts: its refinement rounds as `summary.json` records them,
/// and what is needed to reproduce it.
public struct RunDetails: Sendable {
    /// One refinement round's settings and figures.
    public struct Round: Sendable {
        public var round: Int
        public var model: String?
        public var repair: String?
        public var feedback: String?
        public var feedbackShowsTests: Bool
        public var oracleFeedback: Bool
        public var accuracy: Double?
        public var successRate: Double?
        public var failToPass: Int
        public var failToFail: Int
        public var notAttempted: Int
        public var failedBefore: Int

        public init(
            round: Int, model: String? = nil, repair: String? = nil, feedback: String? = nil,
            feedbackShowsTests: Bool = false, oracleFeedback: Bool = false, accuracy: Double?,
            successRate: Double? = nil, failToPass: Int = 0, failToFail: Int = 0, notAttempted: Int = 0,
            failedBefore: Int = 0
        ) {
            self.round = round
            self.model = model
            self.repair = repair
            self.feedback = feedback
            self.feedbackShowsTests = feedbackShowsTests
            self.oracleFeedback = oracleFeedback
            self.accuracy = accuracy
            self.successRate = successRate
            self.failToPass = failToPass
            self.failToFail = failToFail
            self.notAttempted = notAttempted
            self.failedBefore = failedBefore
        }
    }

    /// Round 0 first; empty when the run was not refined.
    public var rounds: [Round] = []
    /// Name/value pairs for the reproducibility block (version, commit, environment, sampling, rules, ...).
    public var reproduction: [(String, String)] = []
    /// The commands that made the result, as recorded.
    public var commands: [String] = []
    /// The highest accuracy the golds allow (text-to-SQL: golds that fail count against every model).
    public var maxReachableAccuracy: Double?
    /// Tasks that could not be judged here, with why.
    public var unavailable: [(id: JSONValue, reason: String)] = []
    public var samplesPerTask = 1
    /// The k of every pass@k the result reports.
    public var ks: [Int] = [1]

    public init() {}
}

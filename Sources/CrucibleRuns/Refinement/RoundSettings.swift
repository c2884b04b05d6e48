import Foundation

/// How one refinement round was made: stored with the round, so a resumed round is continued only under the same
/// settings, and a report says which model and which feedback each round had (`crucible refine` may add rounds
/// with another model or feedback kind).
public struct RoundSettings: Codable, Sendable, Equatable {
    /// `--model` as given.
    public var model: String
    public var modelVersion: String?
    public var repair: RepairMode
    public var feedback: FeedbackKind
    /// SHA-256 of `--feedback-template`, nil for the default template.
    public var feedbackTemplateSHA256: String?
    /// `--oracle-feedback`: the gold result was shown too.
    public var oracleFeedback: Bool
    /// `--refine-passing`: passing samples were asked to improve as well.
    public var refinePassing: Bool

    public init(
        model: String, modelVersion: String? = nil, repair: RepairMode = .fix, feedback: FeedbackKind = .error,
        feedbackTemplateSHA256: String? = nil, oracleFeedback: Bool = false, refinePassing: Bool = false
    ) {
        self.model = model
        self.modelVersion = modelVersion
        self.repair = repair
        self.feedback = feedback
        self.feedbackTemplateSHA256 = feedbackTemplateSHA256
        self.oracleFeedback = oracleFeedback
        self.refinePassing = refinePassing
    }

    enum CodingKeys: String, CodingKey {
        case model, repair, feedback
        case modelVersion = "model_version"
        case feedbackTemplateSHA256 = "feedback_template_sha256"
        case oracleFeedback = "oracle_feedback"
        case refinePassing = "refine_passing"
    }

    /// The names of the fields that differ, as stored.
    public func differences(from other: RoundSettings) -> [String] {
        var names: [String] = []
        if model != other.model { names.append("model") }
        if modelVersion != other.modelVersion { names.append("model_version") }
        if repair != other.repair { names.append("repair") }
        if feedback != other.feedback { names.append("feedback") }
        if feedbackTemplateSHA256 != other.feedbackTemplateSHA256 { names.append("feedback_template") }
        if oracleFeedback != other.oracleFeedback { names.append("oracle_feedback") }
        if refinePassing != other.refinePassing { names.append("refine_passing") }
        return names
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

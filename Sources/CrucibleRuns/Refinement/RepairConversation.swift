import CrucibleModels

/// A repair request's conversation: the task's original prompt, the model's previous answer, and the feedback; in
/// explain-then-fix, first a request for an explanation, then (with it in the conversation) one for the fix.
/// Only the previous answer is shown, not every earlier round's, so a conversation does not grow with the rounds.
enum RepairConversation {
    /// Appended to the feedback when the model is asked to explain first (LEDEX's explanation step).
    static let explainInstruction =
        "Before fixing it, explain step by step what the code does and why it is wrong. Do not write the fixed code yet."
    /// The request for the fix that follows the explanation.
    static let fixAfterExplanation = "Now write the complete fixed code."

    static func prompt(
        original: Prompt, previousAnswer: String, feedback: String, mode: RepairMode, step: GenerationStep,
        explanation: String?
    ) -> Prompt {
        var turns: [ChatMessage] = [.assistant(previousAnswer)]
        switch (mode, step) {
        case (.fix, _):
            turns.append(.user(feedback))
        case (.explainThenFix, .explanation):
            turns.append(.user(feedback + "\n\n" + explainInstruction))
        case (.explainThenFix, .answer):
            turns.append(.user(feedback + "\n\n" + explainInstruction))
            turns.append(.assistant(explanation ?? ""))
            turns.append(.user(fixAfterExplanation))
        }
        switch original {
        case .chat(let messages):
            return .chat(messages + turns)
        case .text(let text):
            // A completions endpoint continues text: the turns become paragraphs after the original prompt.
            var body = text + previousAnswer
            for turn in turns.dropFirst() {
                body += "\n\n" + turn.content
            }
            return .text(body + "\n\n")
        }
    }
}

import ArgumentParser
import CrucibleRuns

/// Refinement rounds: how many, and what the model is shown about its failures.
struct RefinementArguments: ParsableArguments {
    @Option(help: "Repair rounds after the first answers (stops early when nothing fails).")
    var rounds = 0

    @Option(help: "fix, or explain-then-fix (the model explains what is wrong before it fixes it).")
    var repair: RepairMode = .fix

    @Option(
        help: """
            What the model is shown about a failure: simple, error, result (text-to-SQL), tests or trace (Python). \
            tests and trace show the evaluation's tests.
            """)
    var feedback: FeedbackKind = .error

    @Option(help: "A template replacing the feedback kind's default; {details} is the kind's text.")
    var feedbackTemplate: String?

    @Flag(help: "Also show the gold result (text-to-SQL); the report says so on its first line.")
    var oracleFeedback = false

    @Flag(help: "Ask passing samples to improve as well (pass→fail is then counted).")
    var refinePassing = false

    func validate() throws {
        if rounds < 0 { throw ValidationError("--rounds must be 0 or more") }
    }

    var options: RefinementOptions {
        RefinementOptions(
            rounds: rounds, repair: repair, feedback: feedback, feedbackTemplate: feedbackTemplate,
            oracleFeedback: oracleFeedback, refinePassing: refinePassing)
    }
}

import ArgumentParser
import CrucibleBenchmarks

/// What the prompts hold.
struct PromptOptions: ParsableArguments {
    @Option(help: "A prompt template file (placeholders: README, \"Prompts\").")
    var promptTemplate: String?

    @Option(
        help: "Spider/BIRD: a training split's questions file (Spider or BIRD format) to draw few-shot examples from.")
    var fewShot: String?

    @Option(help: "Spider/BIRD: few-shot examples per prompt (with --few-shot).")
    var shots = 3

    @Option(help: "Spider/BIRD: how examples are chosen: similar (most words in common with the question) or first.")
    var shotSelection: FewShotPool.Selection = .similar

    @Option(help: "Spider/BIRD: example rows shown per table in the prompt.")
    var exampleRows = 3

    @Option(
        help: ArgumentHelp(
            "CRUXEval: its direct prompts or its chain-of-thought ones (direct, cot); answers are taken from "
                + "[ANSWER] tags or the completed assertion, as its inference code does."))
    var promptStyle: CRUXEvalPrompts.Style = .direct

    @Flag(
        help: ArgumentHelp(
            "CRUXEval: name the function (cruxeval_<id>) without showing its code, as Programming by Backprop "
                + "evaluates a model trained on the source (crucible export programs)."))
    var hideCode = false

    func validate() throws {
        if shots < 0 || exampleRows < 0 { throw ValidationError("--shots and --example-rows cannot be negative") }
    }
}

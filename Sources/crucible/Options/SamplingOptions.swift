import ArgumentParser
import CrucibleRuns

/// How many answers are drawn per task, and how.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Completions per task.")
    var samples = 1

    @Option(help: "Sampling temperature.")
    var temperature: Double?

    @Option(help: "Nucleus sampling probability.")
    var topP: Double?

    @Option(help: "Most tokens per completion.")
    var maxTokens: Int?

    @Option(help: "Sampling seed, when the server supports one.")
    var seed: Int?

    func validate() throws {
        if samples <= 0 { throw ValidationError("--samples must be positive") }
    }

    var sampling: SamplingSettings {
        SamplingSettings(samples: samples, temperature: temperature, topP: topP, maxTokens: maxTokens, seed: seed)
    }
}

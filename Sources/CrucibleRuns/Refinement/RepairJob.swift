import CrucibleCore
import CrucibleModels
import Foundation

/// The generation side of a refinement round: one repair conversation per sample (`RepairConversation`), asked
/// with n = 1 under the sample's own index. Each answer is stored as it arrives (an explanation in `repairs`, a
/// fix in `generations` with the whole conversation as its prompt), so a resumed round asks only for what is
/// missing; the generation cache is keyed by the whole conversation.
struct RepairJob: RoundGeneration {
    struct Item: Sendable {
        var repair: RepairRecord
        /// The task's prompt in round 0.
        var original: Prompt
        /// The model's answer being repaired, as it gave it.
        var previousAnswer: String
    }

    var model: any LanguageModel
    var items: [Item]
    var round: Int
    var mode: RepairMode
    var parameters: SamplingParameters
    var extract: @Sendable (String) -> String
    var maxOutstanding: Int
    var cache: GenerationCache?
    /// Imported answers: a step they do not answer is left for a later import instead of being asked for.
    var imported: ReplayModel?

    var expected: Int { items.count }

    /// The requests still to make, one per sample: its explanation when explain-then-fix has none yet, else its fix.
    func pending(store: RunStore) throws(RunError) -> [(item: Item, request: GenerationRequest)] {
        let done: Set<RefinementHistory.SampleKey>
        let explanations: [RefinementHistory.SampleKey: String]
        do {
            done = Set(
                try store.generations(round: round).map { .init(taskID: $0.taskID, sample: $0.sample) })
            explanations = Dictionary(
                try store.repairs(round: round).compactMap { repair in
                    repair.explanation.map {
                        (RefinementHistory.SampleKey(taskID: repair.taskID, sample: repair.sample), $0)
                    }
                }, uniquingKeysWith: { first, _ in first })
        } catch {
            throw RunError(store: error)
        }
        return items.compactMap { item in
            let key = RefinementHistory.SampleKey(taskID: item.repair.taskID, sample: item.repair.sample)
            guard !done.contains(key) else { return nil }
            var item = item
            item.repair.explanation = explanations[key]
            let step: GenerationStep =
                mode == .explainThenFix && item.repair.explanation == nil ? .explanation : .answer
            return (item, request(item, step: step))
        }
    }

    func request(_ item: Item, step: GenerationStep) -> GenerationRequest {
        var parameters = self.parameters
        parameters.n = 1
        let prompt = RepairConversation.prompt(
            original: item.original, previousAnswer: item.previousAnswer, feedback: item.repair.feedback, mode: mode,
            step: step, explanation: item.repair.explanation)
        return GenerationRequest(
            id: "\(item.repair.taskID)#r\(round)", taskID: item.repair.taskID.rawValue, prompt: prompt,
            parameters: parameters, firstSample: item.repair.sample, round: round, step: step)
    }

    func run(store: RunStore, progress: (@Sendable (_ stored: Int, _ inFlight: Int) -> Void)?) async throws(RunError)
        -> GenerationJob.Report
    {
        let work = try pending(store: store)
        let job = self
        var report = GenerationJob.Report(requests: 0, stored: 0, cached: 0)
        let (sent, failure) = await OutstandingRequests.run(
            count: work.count, limit: maxOutstanding,
            work: { index in await job.repair(work[index].item, store: store) },
            finished: { counts, inFlight in
                report.stored += counts.stored
                report.cached += counts.cached
                if counts.stored > 0 { progress?(counts.stored, inFlight) }
            })
        report.requests = sent
        if let failure {
            let stored = (try? store.generations(round: round).count) ?? 0
            throw RunError(
                failure.code,
                "\(failure.message); \(stored) of \(items.count) repairs of round \(round) are stored in \(store.path): "
                    + "run the same command again to resume")
        }
        return report
    }

    /// One sample's repair: its explanation first when one is wanted and missing, then its fix.
    private func repair(_ item: Item, store: RunStore) async -> Result<(stored: Int, cached: Int), RunError> {
        var item = item
        var cached = 0
        if mode == .explainThenFix && item.repair.explanation == nil {
            switch await complete(request(item, step: .explanation)) {
            case .failure(let error): return .failure(error)
            case .success(let (completion, fromCache)):
                cached += fromCache ? 1 : 0
                do {
                    try store.setExplanation(
                        completion.text, taskID: item.repair.taskID, round: round, sample: item.repair.sample)
                } catch {
                    return .failure(RunError(store: error))
                }
                item.repair.explanation = completion.text
            }
        }
        let request = request(item, step: .answer)
        if let imported,
            !imported.hasRecording(taskID: request.taskID, round: round, step: .answer, sample: request.firstSample)
        {
            return .success((0, cached))
        }
        switch await complete(request) {
        case .failure(let error): return .failure(error)
        case .success(let (completion, fromCache)):
            cached += fromCache ? 1 : 0
            let promptJSON = GenerationJob.json(request.prompt)
            let generation = StoredGeneration(
                taskID: item.repair.taskID, round: round, sample: item.repair.sample, requestID: request.id,
                model: model.identifier, promptHash: SHA256.hex(promptJSON), prompt: promptJSON,
                raw: completion.text, code: extract(completion.text), finishReason: completion.finishReason,
                promptTokens: completion.promptTokens, completionTokens: completion.completionTokens,
                seconds: completion.seconds)
            do {
                try store.record([generation])
            } catch {
                return .failure(RunError(store: error))
            }
            return .success((1, cached))
        }
    }

    /// One completion, from the cache when an identical conversation was answered before.
    private func complete(_ request: GenerationRequest) async -> Result<(Completion, cached: Bool), RunError> {
        // The round is part of the key: a later round that happens to hold the same conversation (the model gave
        // the same answer again) asks again rather than repeating the earlier round's sample.
        let key =
            SHA256.hex(GenerationJob.json(request.prompt)) + "#r\(round)"
            + (request.step == .explanation ? "#explanation" : "")
        if let cache,
            let text = try? cache.completions(
                model: model.identifier, promptHash: key, parameters: request.parameters, samples: [request.firstSample]
            )[request.firstSample]
        {
            return .success((text, true))
        }
        let completions: [Completion]
        do {
            completions = try await model.complete(request)
        } catch {
            return .failure(RunError(.model, "\(error)"))
        }
        guard let completion = completions.first else {
            return .failure(RunError(.model, "the model gave no completion for task \(request.taskID)"))
        }
        try? cache?.insert(
            model: model.identifier, promptHash: key, parameters: request.parameters,
            completions: [(request.firstSample, completion)])
        return .success((completion, false))
    }
}

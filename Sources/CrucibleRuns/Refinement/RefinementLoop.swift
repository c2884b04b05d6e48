import CrucibleCore
import CrucibleModels
import Foundation

/// Rounds 1...K of a run: in each, every sample still failing gets a repair conversation (its original prompt, its
/// latest answer, feedback on how that answer failed); the repairs are executed and judged under the benchmark's
/// rule, and passing samples are carried forward. Every step is stored as it completes (the round's settings,
/// each repair's feedback, explanations, answers, verdicts), so the loop resumes anywhere without asking again
/// for anything stored. It stops early when nothing fails.
struct RefinementLoop {
    enum Outcome: Equatable {
        case finished
        /// `--export-prompts`: a round's repair requests were written; the run stops there.
        case exported(requests: Int, file: String)
    }

    let plan: any BenchmarkRunPlan
    let store: RunStore
    let model: any LanguageModel
    let settings: RoundSettings
    let template: FeedbackTemplate
    let rounds: Int
    let parameters: SamplingParameters
    let maxOutstanding: Int
    let cache: GenerationCache?
    /// A replayed transcript (`replay:FILE`): a repair it does not record is not attempted.
    let transcript: ReplayModel?
    /// `--import-completions`: repairs the file does not answer stay to be asked.
    let imported: ReplayModel?
    let exportPrompts: String?
    let observer: any RunObserver

    func run() throws -> Outcome {
        guard rounds > 0 else { return .finished }
        for round in 1...rounds {
            let stored = try runStore { () throws(RunStoreError) in try store.rounds() }.first { $0.round == round }
            if stored?.finished == true { continue }
            let history = try RefinementHistory.load(store, through: round - 1)
            let candidates = history.samples.compactMap { key -> RepairCandidate? in
                guard let latest = history.latest(key, through: round - 1), plan.isRepairable(latest),
                    latest.execution.passed == false || settings.refinePassing
                else { return nil }
                return latest
            }
            guard stored != nil || candidates.contains(where: { $0.execution.passed == false }) else {
                observer.notice("nothing fails after round \(round - 1): refinement stops")
                break
            }
            try runStore { () throws(RunStoreError) in try store.beginRound(round, settings: settings) }
            let asked = candidates.filter { candidate in
                transcript?.hasRecording(
                    taskID: candidate.taskID.rawValue, round: round, sample: candidate.sample) ?? true
            }
            let items = try repairItems(asked, round: round, history: history)
            let job = RepairJob(
                model: model, items: items, round: round, mode: settings.repair, parameters: parameters,
                extract: plan.extract(replayed: model is ReplayModel), maxOutstanding: maxOutstanding,
                cache: model is ReplayModel ? nil : cache)
            if let file = exportPrompts {
                let pending = try job.pending(store: store).map(\.request)
                if !pending.isEmpty {
                    return .exported(requests: try BatchCompletions.export(pending, to: file), file: file)
                }
            }
            observer.notice(
                "round \(round): \(items.count) of \(history.samples.count) samples to repair"
                    + (asked.count < candidates.count ? " (\(candidates.count - asked.count) not recorded)" : ""))
            if let imported {
                try runImported(job, imported: imported, round: round)
            } else {
                try RunPhases(plan: plan, generation: job, store: store, observer: observer).run()
            }
            try runStore { () throws(RunStoreError) in try store.finishRound(round) }
        }
        return .finished
    }

    /// Each candidate's repair: its stored feedback, or feedback rendered now and stored before anything is asked.
    private func repairItems(_ candidates: [RepairCandidate], round: Int, history: RefinementHistory) throws
        -> [RepairJob.Item]
    {
        var known = Dictionary(
            try runStore { () throws(RunStoreError) in try store.repairs(round: round) }.map {
                (RefinementHistory.SampleKey(taskID: $0.taskID, sample: $0.sample), $0)
            }, uniquingKeysWith: { first, _ in first })
        let fresh = candidates.filter { known[.init(taskID: $0.taskID, sample: $0.sample)] == nil }
        if !fresh.isEmpty {
            let details = try plan.feedbackDetails(fresh, kind: settings.feedback, oracle: settings.oracleFeedback)
            let records = zip(fresh, details).map { candidate, details in
                RepairRecord(
                    taskID: candidate.taskID, round: round, sample: candidate.sample, sourceRound: candidate.round,
                    feedback: template.render(details: details))
            }
            try runStore { () throws(RunStoreError) in try store.record(records) }
            for record in records { known[.init(taskID: record.taskID, sample: record.sample)] = record }
        }
        let decoder = JSONDecoder()
        return try candidates.map { candidate in
            let key = RefinementHistory.SampleKey(taskID: candidate.taskID, sample: candidate.sample)
            guard let first = history.generations[0]?[key],
                let original = try? decoder.decode(Prompt.self, from: Data(first.prompt.utf8))
            else {
                throw RunError(.store, "\(store.path) holds no readable first prompt for task \(key.taskID)")
            }
            return RepairJob.Item(repair: known[key]!, original: original, previousAnswer: candidate.generation.raw)
        }
    }

    /// Imported answers: the repairs they hold are stored and judged; any still unanswered stop the run, to be
    /// exported and imported again.
    private func runImported(_ job: RepairJob, imported: ReplayModel, round: Int) throws {
        let pending = try job.pending(store: store)
        let answered = pending.filter { item, request in
            imported.hasRecording(
                taskID: request.taskID, round: round, step: request.step, sample: request.firstSample)
        }
        var partial = job
        partial.imported = imported
        let answeredKeys = Set(
            answered.map { RefinementHistory.SampleKey(taskID: $0.item.repair.taskID, sample: $0.item.repair.sample) })
        partial.items = job.items.filter {
            answeredKeys.contains(.init(taskID: $0.repair.taskID, sample: $0.repair.sample))
        }
        try RunPhases(plan: plan, generation: partial, store: store, observer: observer).run()
        let missing = try job.pending(store: store)
        guard missing.isEmpty else {
            throw RunError(
                .model,
                "\(missing.count) repair requests of round \(round) have no answer in the imported completions; "
                    + "write them with --export-prompts, answer them, and import them again")
        }
    }

    @discardableResult
    private func runStore<T>(_ body: () throws(RunStoreError) -> T) throws(RunError) -> T {
        do {
            return try body()
        } catch {
            throw RunError(store: error)
        }
    }
}

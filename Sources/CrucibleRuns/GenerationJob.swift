public import CrucibleCore
public import CrucibleModels
import Foundation

/// The generation phase of a run: asks the model for every sample the run store does not hold yet, and stores each
/// answer (raw and extracted) as soon as it arrives. Run again on the same store, it asks only for what is still
/// missing, so a run killed or stopped by a model error resumes without repeating a completed generation.
public struct GenerationJob: Sendable, RoundGeneration {
    /// One task's prompt.
    public struct TaskPrompt: Sendable {
        public var taskID: TaskID
        /// Stable across runs (exported prompts and imported completions are matched by it).
        public var requestID: String
        public var prompt: Prompt

        public init(taskID: TaskID, requestID: String, prompt: Prompt) {
            self.taskID = taskID
            self.requestID = requestID
            self.prompt = prompt
        }
    }

    public var model: any LanguageModel
    public var prompts: [TaskPrompt]
    public var round: Int
    public var samples: Int
    /// Temperature, top_p, ... (`n` is set per request from the samples still missing).
    public var parameters: SamplingParameters
    /// The code to execute, from a raw completion.
    public var extract: @Sendable (String) -> String
    /// Requests outstanding at once (the model backend bounds what is actually in flight on the wire).
    public var maxOutstanding: Int
    /// Completions shared across runs: samples found there are not requested, and answers are added to it.
    public var cache: GenerationCache?

    public init(
        model: any LanguageModel, prompts: [TaskPrompt], round: Int = 0, samples: Int,
        parameters: SamplingParameters = SamplingParameters(), extract: @escaping @Sendable (String) -> String,
        maxOutstanding: Int = 16, cache: GenerationCache? = nil
    ) {
        self.cache = cache
        self.model = model
        self.prompts = prompts
        self.round = round
        self.samples = samples
        self.parameters = parameters
        self.extract = extract
        self.maxOutstanding = maxOutstanding
    }

    var expected: Int { prompts.count * samples }

    /// What the job asked for and stored in this call.
    public struct Report: Sendable {
        public var requests: Int
        public var stored: Int
        /// Samples taken from the generation cache instead of the model.
        public var cached: Int
    }

    /// Stores the missing samples the cache holds (an identical request made by an earlier run); returns how many.
    public func fillFromCache(store: RunStore) throws(RunError) -> Int {
        guard let cache else { return 0 }
        var filled = 0
        do {
            let byTask = Dictionary(prompts.map { ($0.taskID, $0) }, uniquingKeysWith: { first, _ in first })
            for (taskID, missing) in try store.missingSamples(round: round, samples: samples) {
                guard let task = byTask[taskID] else { continue }
                let promptJSON = Self.json(task.prompt)
                let hash = SHA256.hex(promptJSON)
                let found = try cache.completions(
                    model: model.identifier, promptHash: hash, parameters: parameters, samples: missing)
                guard !found.isEmpty else { continue }
                try store.record(
                    found.keys.sorted().map { sample in
                        generation(task, sample: sample, completion: found[sample]!, promptJSON: promptJSON, hash: hash)
                    })
                filled += found.count
            }
        } catch {
            throw RunError(store: error)
        }
        return filled
    }

    /// One request the job still has to make: a task's prompt and the samples it asks for.
    public struct PlannedRequest: Sendable {
        public var task: TaskPrompt
        public var samples: Range<Int>

        /// The request as the model receives it.
        public func request(_ parameters: SamplingParameters) -> GenerationRequest {
            var parameters = parameters
            parameters.n = samples.count
            return GenerationRequest(
                id: task.requestID, taskID: task.taskID.rawValue, prompt: task.prompt, parameters: parameters,
                firstSample: samples.lowerBound)
        }
    }

    /// What the store is missing, as requests: one per run of consecutive missing samples of a task.
    public func plan(store: RunStore) throws(RunError) -> [PlannedRequest] {
        do {
            let byTask = Dictionary(prompts.map { ($0.taskID, $0) }, uniquingKeysWith: { first, _ in first })
            return try store.missingSamples(round: round, samples: samples).flatMap { task, missing in
                Self.ranges(missing).compactMap { range in byTask[task].map { PlannedRequest(task: $0, samples: range) }
                }
            }
        } catch {
            throw RunError(store: error)
        }
    }

    /// Asks for the missing samples; throws `RunError` when the model fails (after the requests in flight have
    /// finished and been stored). `progress` receives the samples just stored and the requests still in flight.
    public func run(
        store: RunStore, progress: (@Sendable (_ stored: Int, _ inFlight: Int) -> Void)? = nil
    ) async throws(RunError) -> Report {
        let cached = try fillFromCache(store: store)
        if cached > 0 { progress?(cached, 0) }
        let plan = try self.plan(store: store).map { ($0.task, $0.samples) }
        let job = self
        var report = Report(requests: 0, stored: 0, cached: cached)
        let (sent, failure) = await OutstandingRequests.run(
            count: plan.count, limit: maxOutstanding,
            work: { index in await job.generate(plan[index].0, range: plan[index].1, store: store) },
            finished: { stored, inFlight in
                report.stored += stored
                if stored > 0 { progress?(stored, inFlight) }
            })
        report.requests = sent
        if let failure {
            let stored = (try? store.generations(round: round).count) ?? 0
            throw RunError(
                failure.code,
                "\(failure.message); \(stored) of \(prompts.count * samples) samples are stored in \(store.path): "
                    + "run the same command again to resume")
        }
        return report
    }

    private func generate(_ task: TaskPrompt, range: Range<Int>, store: RunStore) async -> Result<Int, RunError> {
        let request = PlannedRequest(task: task, samples: range).request(parameters)
        let completions: [Completion]
        do {
            completions = try await model.complete(request)
        } catch {
            return .failure(RunError(.model, "\(error)"))
        }
        let promptJSON = Self.json(task.prompt)
        let hash = SHA256.hex(promptJSON)
        let generations = zip(range, completions).map { sample, completion in
            generation(task, sample: sample, completion: completion, promptJSON: promptJSON, hash: hash)
        }
        do {
            try store.record(generations)
            try cache?.insert(
                model: model.identifier, promptHash: hash, parameters: parameters,
                completions: Array(zip(range, completions)))
        } catch {
            return .failure(RunError(store: error))
        }
        return .success(generations.count)
    }

    private func generation(
        _ task: TaskPrompt, sample: Int, completion: Completion, promptJSON: String, hash: String
    ) -> StoredGeneration {
        StoredGeneration(
            taskID: task.taskID, round: round, sample: sample, requestID: task.requestID, model: model.identifier,
            promptHash: hash, prompt: promptJSON, raw: completion.text, code: extract(completion.text),
            finishReason: completion.finishReason, promptTokens: completion.promptTokens,
            completionTokens: completion.completionTokens, seconds: completion.seconds)
    }

    /// [0, 1, 3] → [0..<2, 3..<4]: one request per run of consecutive missing samples.
    static func ranges(_ samples: [Int]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for sample in samples.sorted() {
            if let last = ranges.last, last.upperBound == sample {
                ranges[ranges.count - 1] = last.lowerBound..<(sample + 1)
            } else {
                ranges.append(sample..<(sample + 1))
            }
        }
        return ranges
    }

    static func json(_ prompt: Prompt) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(prompt)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

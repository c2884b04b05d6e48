/// Completions made elsewhere, played back: each task's recorded texts by round, step and sample index. A request
/// gets the recorded samples `firstSample ..< firstSample + n` of its task, round and step; a sample that was not
/// recorded is an error that names the task and the sample, never a silent shortfall.
public struct ReplayModel: LanguageModel {
    public let identifier: String
    public let recordings: RecordedCompletions
    private let source: String

    /// `recorded` maps task ids to their first answers, samples 0, 1, ...; `source` names where they came from.
    public init(identifier: String, recorded: [String: [String]], source: String) {
        self.init(identifier: identifier, recordings: RecordedCompletions(firstAnswers: recorded), source: source)
    }

    /// `samples` maps task ids to first answers by sample index (imported batch answers may start anywhere).
    public init(identifier: String, samples: [String: [Int: String]], source: String) {
        self.init(
            identifier: identifier, recordings: RecordedCompletions(firstAnswersBySample: samples), source: source)
    }

    public init(identifier: String, recordings: RecordedCompletions, source: String) {
        self.identifier = identifier
        self.recordings = recordings
        self.source = source
    }

    /// Whether a completion is recorded for this sample (a refinement round asks only for those: a repair that
    /// was never made elsewhere is not attempted, rather than an error).
    public func hasRecording(taskID: String, round: Int, step: GenerationStep = .answer, sample: Int) -> Bool {
        recordings.text(for: .init(taskID: taskID, round: round, step: step), sample: sample) != nil
    }

    public func complete(_ request: GenerationRequest) async throws(ModelError) -> [Completion] {
        let key = RecordedCompletions.Key(taskID: request.taskID, round: request.round, step: request.step)
        let place = request.round == 0 ? "" : " in round \(request.round)"
        let what = request.step == .explanation ? "explanation" : "completion"
        guard let texts = recordings.texts[key] else {
            throw ModelError(.notRecorded, source: source, "no \(what) recorded for task \(request.taskID)\(place)")
        }
        let wanted = request.firstSample..<(request.firstSample + request.parameters.n)
        var completions: [Completion] = []
        for sample in wanted {
            guard let text = texts[sample] else {
                throw ModelError(
                    .notRecorded, source: source,
                    "task \(request.taskID) has no recorded \(what) for sample \(sample)\(place) "
                        + "(\(texts.count) recorded)")
            }
            completions.append(Completion(text: text))
        }
        return completions
    }
}

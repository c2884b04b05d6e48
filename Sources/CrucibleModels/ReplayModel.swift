/// Completions made elsewhere, played back: each task's recorded texts by sample index. A request gets the recorded
/// samples `firstSample ..< firstSample + n` of its task; a sample that was not recorded is an error that names the
/// task and the sample, never a silent shortfall.
public struct ReplayModel: LanguageModel {
    public let identifier: String
    private let recorded: [String: [Int: String]]
    private let source: String

    /// `recorded` maps task ids to their completions, samples 0, 1, ...; `source` names where they came from.
    public init(identifier: String, recorded: [String: [String]], source: String) {
        self.init(
            identifier: identifier,
            samples: recorded.mapValues { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($0, $1) }) },
            source: source)
    }

    /// `samples` maps task ids to completions by sample index (imported batch answers may start anywhere).
    public init(identifier: String, samples: [String: [Int: String]], source: String) {
        self.identifier = identifier
        self.recorded = samples
        self.source = source
    }

    public func complete(_ request: GenerationRequest) async throws(ModelError) -> [Completion] {
        guard let texts = recorded[request.taskID] else {
            throw ModelError(.notRecorded, source: source, "no completion recorded for task \(request.taskID)")
        }
        let wanted = request.firstSample..<(request.firstSample + request.parameters.n)
        var completions: [Completion] = []
        for sample in wanted {
            guard let text = texts[sample] else {
                throw ModelError(
                    .notRecorded, source: source,
                    "task \(request.taskID) has no recorded completion for sample \(sample) "
                        + "(\(texts.count) recorded)")
            }
            completions.append(Completion(text: text))
        }
        return completions
    }
}

/// Completions made elsewhere, played back: each task's recorded texts, in sample order. A request gets the
/// recorded samples `firstSample ..< firstSample + n` of its task; asking beyond what was recorded is an error that
/// names the task, never a silent shortfall.
public struct ReplayModel: LanguageModel {
    public let identifier: String
    private let recorded: [String: [String]]
    private let source: String

    /// `recorded` maps task ids to their completions; `source` names where they came from (a file) for errors.
    public init(identifier: String, recorded: [String: [String]], source: String) {
        self.identifier = identifier
        self.recorded = recorded
        self.source = source
    }

    public func complete(_ request: GenerationRequest) async throws(ModelError) -> [Completion] {
        guard let texts = recorded[request.taskID] else {
            throw ModelError(.notRecorded, source: source, "no completion recorded for task \(request.taskID)")
        }
        let wanted = request.firstSample..<(request.firstSample + request.parameters.n)
        guard wanted.upperBound <= texts.count else {
            throw ModelError(
                .notRecorded, source: source,
                "task \(request.taskID) has \(texts.count) recorded completions; sample \(wanted.upperBound - 1) was asked for"
            )
        }
        return texts[wanted].map { Completion(text: $0) }
    }
}

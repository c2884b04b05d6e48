import CrucibleTestSupport
import Foundation

/// A stand-in for a model in refinement tests (a real local HTTP server, `LocalModelServer`, answering OpenAI chat
/// requests): each task has a scripted first answer and a rule for its repairs that reads the feedback it is shown,
/// so the figures of every round follow from the script alone.
struct ScriptedRepairModel: Sendable {
    struct Script: Sendable {
        /// Found in the task's first user message (its question or function name).
        var marker: String
        var first: String
        /// The repair, from the previous answer and the feedback shown; nil repeats the previous answer.
        var repair: @Sendable (_ previous: String, _ feedback: String) -> String?
    }

    static let explanation = "EXPLANATION: the answer does something other than what was asked."

    let scripts: [Script]

    /// The answer to a chat conversation.
    func answer(_ messages: [(role: String, content: String)]) -> String {
        guard let first = messages.first(where: { $0.role == "user" })?.content,
            let script = scripts.first(where: { first.contains($0.marker) })
        else { return "SELECT 'unscripted'" }
        guard messages.count > 1 else { return script.first }
        let last = messages[messages.count - 1].content
        if last.hasSuffix("Do not write the fixed code yet.") { return Self.explanation }
        // fix: [prompt, previous, feedback]; explain-then-fix: [prompt, previous, feedback, explanation, request].
        let feedback = last.hasPrefix("Now write") ? messages[messages.count - 3].content : last
        let previous = messages[messages.count - (last.hasPrefix("Now write") ? 4 : 2)].content
        return script.repair(previous, feedback) ?? previous
    }

    /// The server, counting requests; `onRequest` sees each request's number before it is answered.
    func server(onRequest: @escaping @Sendable (Int) -> Void = { _ in }) throws -> LocalModelServer {
        let model = self
        return try LocalModelServer { index, request in
            onRequest(index)
            let messages = (request.object?["messages"] as? [[String: Any]] ?? []).map {
                (role: $0["role"] as? String ?? "", content: $0["content"] as? String ?? "")
            }
            let n = request.object?["n"] as? Int ?? 1
            return .completions(Array(repeating: model.answer(messages), count: n))
        }
    }

    /// Requests whose conversation asked for an explanation.
    static func explanationRequests(_ server: LocalModelServer) -> Int {
        server.requests.filter { request in
            let messages = request.object?["messages"] as? [[String: Any]] ?? []
            return (messages.last?["content"] as? String)?.hasSuffix("Do not write the fixed code yet.") == true
        }.count
    }
}

/// What a model is asked: chat messages (for chat endpoints) or plain text (for completion endpoints).
public enum Prompt: Sendable, Hashable, Codable {
    case chat([ChatMessage])
    case text(String)

    /// The prompt as one text, for servers that only complete text: each message's content, in order.
    public var plainText: String {
        switch self {
        case .text(let text): return text
        case .chat(let messages): return messages.map(\.content).joined(separator: "\n\n")
        }
    }
}

/// One chat message.
public struct ChatMessage: Sendable, Hashable, Codable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: "assistant", content: content) }
}

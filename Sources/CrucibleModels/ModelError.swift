/// Why a model could not answer, with what the user needs to act on it.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Nothing listens at the server's address, or the connection broke, after every retry.
        case unreachable
        /// The server does not serve the model asked for.
        case unknownModel
        /// The server answered with an error status after every retry.
        case serverError
        /// A request got no answer within its timeout, after every retry.
        case timeout
        /// The answer was not what the API promises.
        case badResponse
        /// The request itself is wrong (an authentication failure, a bad parameter): retrying cannot help.
        case rejected
        /// Recorded completions hold nothing for this request (replay, imported completions).
        case notRecorded
    }

    public var code: Code
    /// The server (base URL) or program the error is about.
    public var source: String
    public var message: String
    /// HTTP status, when there was one.
    public var status: Int?

    public init(_ code: Code, source: String, _ message: String, status: Int? = nil) {
        self.code = code
        self.source = source
        self.message = message
        self.status = status
    }

    public var description: String {
        "\(source): \(message)" + (status.map { " (HTTP \($0))" } ?? "")
    }
}

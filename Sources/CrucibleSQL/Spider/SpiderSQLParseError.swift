/// Why a query could not be tokenized or parsed by the Spider rules.
///
/// The official parser fails with an assertion or a lookup error in these situations; this error names the token
/// where it happened so that a failure can be traced back to the query text.
public struct SpiderSQLParseError: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words.
    public var message: String
    /// The index of the offending token in the token list, or `nil` for a failure before tokens exist.
    public var tokenIndex: Int?
    /// The offending token, or `nil` when the query ended too early or tokenization failed.
    public var token: String?

    public init(_ message: String, tokenIndex: Int? = nil, token: String? = nil) {
        self.message = message
        self.tokenIndex = tokenIndex
        self.token = token
    }

    public var description: String {
        switch (tokenIndex, token) {
        case (let index?, let token?): "\(message) (token \(index): '\(token)')"
        case (let index?, nil): "\(message) (token \(index): end of query)"
        default: message
        }
    }
}

/// A failed assertion as a probe saw it: the statement, and for `assert A == B` the values of A and B (repr, cut
/// head-and-tail at 300 characters).
public struct FailedAssertion: Sendable, Hashable, Codable {
    public var statement: String
    public var actual: String?
    public var expected: String?

    public init(statement: String, actual: String? = nil, expected: String? = nil) {
        self.statement = statement
        self.actual = actual
        self.expected = expected
    }
}

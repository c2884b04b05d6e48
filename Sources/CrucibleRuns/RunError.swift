/// Why a run stopped, in words a user can act on; what was already done is stored and a re-run resumes.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The model backend failed (server down, unknown model, ...).
        case model
        /// The run store could not be read or written.
        case store
        /// The benchmark's data cannot be used as the run needs it.
        case dataset
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    init(store error: RunStoreError) {
        self.init(.store, "\(error)")
    }

    public var description: String { message }
}

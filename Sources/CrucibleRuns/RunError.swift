public import CrucibleCore

/// Why a run stopped, in words a user can act on; what was already done is stored and a re-run resumes.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The model backend failed (server down, unknown model, ...).
        case model
        /// The run store could not be read or written.
        case store
        /// The benchmark's data cannot be used as the run needs it.
        case dataset
        /// An option's value or a run directory does not fit the run (an unknown task id, an unfinished shard).
        case input
        /// Output files cannot be written.
        case output
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    init(store error: RunStoreError) {
        self.init(error.exitStatus == .badInput ? .input : .store, "\(error)")
    }

    public var description: String { message }
}

extension RunError: CrucibleFailure {
    public var exitStatus: ExitStatus {
        switch code {
        case .model: return .stopped
        case .dataset, .input: return .badInput
        case .store, .output: return .environment
        }
    }
}

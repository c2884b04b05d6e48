public import CrucibleCore

/// Why the run store could not be used, naming its file.
public struct RunStoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case cannotOpen
        /// The file was written by a newer Crucible (a schema version this one does not know).
        case newerSchema
        case sqlite
        /// The run directory holds a run of another configuration or dataset.
        case mismatch
    }

    public var code: Code
    public var path: String
    public var message: String

    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension RunStoreError: CrucibleFailure {
    /// A store of another configuration or a newer Crucible is the user's to sort out; a file that cannot be opened
    /// or written is the machine's.
    public var exitStatus: ExitStatus {
        switch code {
        case .mismatch, .newerSchema: return .badInput
        case .cannotOpen, .sqlite: return .environment
        }
    }
}

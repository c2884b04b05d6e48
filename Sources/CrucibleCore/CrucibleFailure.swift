/// The exit statuses of `crucible`, one per kind of failure, so that scripts can tell a mistake in the input from a
/// machine that cannot do the work (README, "Exit statuses").
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The run stopped part-way (the model failed); what was done is stored and the same command resumes it.
    case stopped = 1
    /// The input is wrong: a file, a value, a run directory of another configuration. Nothing was scored.
    case badInput = 2
    /// The machine cannot do the work: a folder that cannot be written, a store that cannot be opened.
    case environment = 3
}

/// An error a user can cause or fix, with the message to show and the exit status it ends in. Every error that
/// reaches the command line conforms, so one handler prints them all the same way.
public protocol CrucibleFailure: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}

import ArgumentParser
import CrucibleCore
import Foundation

/// The one place where errors become messages and exit statuses: every `CrucibleFailure` is printed as
/// `crucible COMMAND: error: MESSAGE` and ends the process with its status (README, "Exit statuses"); mistakes in
/// the arguments themselves stay ArgumentParser's usage errors (64).
enum CommandFailures {
    static func report(command: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as any CrucibleFailure {
            FileHandle.standardError.write(Data("crucible \(command): error: \(failure)\n".utf8))
            throw ExitCode(failure.exitStatus.rawValue)
        }
    }
}

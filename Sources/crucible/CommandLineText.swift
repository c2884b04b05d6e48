import Foundation

/// This invocation's command line as a shell would need it typed, for the record a run or score keeps.
enum CommandLineText {
    static var current: String {
        CommandLine.arguments.enumerated().map { index, argument in
            index == 0 ? "crucible" : quoted(argument)
        }.joined(separator: " ")
    }

    static func quoted(_ argument: String) -> String {
        let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,+%".contains($0) }
        if plain && !argument.isEmpty { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

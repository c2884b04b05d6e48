import ArgumentParser
import CruciblePython
import Foundation

/// The hidden entry point of sandbox worker processes (see `PythonSandbox`).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Internal: a Python sandbox worker.", shouldDisplay: false)

    @Argument(help: "The worker configuration as JSON.")
    var configurationJSON: String

    func run() throws {
        let configuration = try JSONDecoder().decode(WorkerConfiguration.self, from: Data(configurationJSON.utf8))
        PythonWorker.run(configuration: configuration)
    }
}

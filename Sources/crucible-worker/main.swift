import CruciblePython
import Foundation

// The sandbox's worker process on its own: the same as `crucible worker`, linked without the command line's
// libraries (the HTTP client's TLS, compression and the like), so that the process every program forks from maps
// fewer libraries and forks faster.
let arguments = CommandLine.arguments
guard arguments.count == 3, arguments[1] == "worker",
    let configuration = try? JSONDecoder().decode(WorkerConfiguration.self, from: Data(arguments[2].utf8))
else {
    FileHandle.standardError.write(Data("usage: crucible-worker worker CONFIGURATION_JSON\n".utf8))
    exit(2)
}
PythonWorker.run(configuration: configuration)

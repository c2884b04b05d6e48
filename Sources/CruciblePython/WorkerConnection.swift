import CrucibleCore
import Foundation
import Glibc

/// The harness's end of one worker process: spawns it with a scrubbed environment, sends programs, reads outcomes,
/// and notices when it dies. Used by one thread at a time: a sandbox hands it to the thread that runs programs
/// through it, and takes it back into its idle workers afterwards.
final class WorkerConnection: @unchecked Sendable {
    private let process: Process
    private let requests: FileHandle
    private var replies: LineReader
    let environment: WorkerEnvironment?

    /// Variables a program may see; everything else in the harness's environment (API keys, tokens) stays out.
    static func scrubbedEnvironment(extra: [String: String]) -> [String: String] {
        var environment: [String: String] = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/tmp",
            "OPENBLAS_NUM_THREADS": "1", "NUMEXPR_MAX_THREADS": "1", "NUMEXPR_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONNOUSERSITE": "1",
            // A fixed hash seed makes set and dict-of-set orders, and so some verdicts, the same on every run
            // (Python's default is a new random seed per process).
            "PYTHONHASHSEED": "0",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    init(executable: String, configuration: WorkerConfiguration, extraEnvironment: [String: String]) throws {
        var configuration = configuration
        directory = try Self.makeWorkerDirectory(in: configuration.temporaryRoot)
        configuration.workerDirectory = directory
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["worker", String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)]
        var variables = Self.scrubbedEnvironment(extra: extraEnvironment)
        // Resolve every symbol when the worker starts: lazily bound, each function a child calls for the first
        // time (setuid, prctl, _exit, ...) costs a symbol search through every library and a copied page, in
        // every child. The worker removes the variable so programs do not inherit it.
        variables["LD_BIND_NOW"] = "1"
        process.environment = variables
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        requests = input.fileHandleForWriting
        replies = LineReader(descriptor: output.fileHandleForReading.fileDescriptor)
        let hello = replies.nextLine().flatMap { try? JSONDecoder().decode(WorkerEnvironment.self, from: Data($0)) }
        environment = hello
        // Keep the pipe objects alive with the process.
        retained = [input, output]
    }

    private var retained: [Pipe]
    /// The worker's folder (its programs' working directory lives inside); removed once the worker is gone,
    /// whatever killed it.
    private let directory: String

    private static func makeWorkerDirectory(in root: String) throws -> String {
        guard let folder = ProgramDirectory.makeFolder(in: root) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: root])
        }
        return folder
    }

    private func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    var isRunning: Bool { process.isRunning }

    /// Runs one program; nil when the worker died before answering.
    func run(_ program: PythonProgram) -> PythonOutcome? {
        guard var line = try? JSONEncoder().encode(program) else { return nil }
        line.append(UInt8(ascii: "\n"))
        do {
            try requests.write(contentsOf: line)
        } catch {
            return nil
        }
        guard let reply = replies.nextLine() else { return nil }
        return try? JSONDecoder().decode(PythonOutcome.self, from: Data(reply))
    }

    /// Runs programs that may share a child together (`PythonWorker.runBatch`); nil when the worker died before
    /// answering.
    func run(batch programs: [PythonProgram]) -> [PythonOutcome]? {
        guard var line = try? JSONEncoder().encode(PythonBatch(batch: programs)) else { return nil }
        line.append(UInt8(ascii: "\n"))
        do {
            try requests.write(contentsOf: line)
        } catch {
            return nil
        }
        guard let reply = replies.nextLine(),
            let outcomes = try? JSONDecoder().decode([PythonOutcome].self, from: Data(reply)),
            outcomes.count == programs.count
        else { return nil }
        return outcomes
    }

    /// Why the worker is gone, once it is.
    var deathReason: String {
        process.waitUntilExit()
        removeDirectory()
        switch process.terminationReason {
        case .uncaughtSignal:
            let signal = process.terminationStatus
            return "killed by signal \(signal) (\(String(cString: strsignal(signal))))"
        default:
            return "exited with status \(process.terminationStatus)"
        }
    }

    var isAlive: Bool { process.isRunning }

    func stop() {
        try? requests.close()
        process.waitUntilExit()
        removeDirectory()
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        removeDirectory()
    }
}

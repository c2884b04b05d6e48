public import CruciblePython
import Foundation

extension RunStore {
    /// What the Python sandbox's workers reported (interpreter, libraries, confinement), kept so that a resumed run
    /// with nothing left to execute, and a merge, still report the environment the verdicts were made in.
    public func workerEnvironment() -> WorkerEnvironment? {
        guard let json = try? value(for: "worker_environment") else { return nil }
        return try? JSONDecoder().decode(WorkerEnvironment.self, from: Data(json.utf8))
    }

    public func setWorkerEnvironment(_ environment: WorkerEnvironment) throws(RunStoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(environment)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try setValue(json, for: "worker_environment")
    }
}

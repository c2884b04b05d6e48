import CrucibleCore
import Foundation
import Glibc

extension PythonWorker {
    /// Programs that may share a child (`PythonProgram.mayShareChild`, `isLiteralCheck`) run one after another in
    /// one sandboxed child (same limits, same confinement, each in a namespace of its own), which spares a fork, a
    /// copy-on-write storm and a teardown per program. The child reports each program as it finishes and stops at
    /// the first one that ran out of memory or stack, exited, crashed, hung, or changed state the others could see
    /// (`SharedChildScript`); that program runs again alone and the rest go on in a new child. Programs the audit
    /// refuses, and every program of a child that wrote output, run alone: each outcome is what it would have
    /// been in a child of its own.
    static func runBatch(_ programs: [PythonProgram], configuration: WorkerConfiguration, directory: ProgramDirectory)
        -> [PythonOutcome]
    {
        var outcomes = [PythonOutcome?](repeating: nil, count: programs.count)
        let candidates = programs.count > 1 ? shareable(programs) : []
        var start = 0
        while candidates.count - start > 1 {
            guard
                let finished = runTogether(
                    candidates[start...].map { programs[$0] }, from: start, configuration: configuration,
                    directory: directory)
            else { break }
            for (offset, outcome) in finished.enumerated() { outcomes[candidates[start + offset]] = outcome }
            start += finished.count
            if start < candidates.count {
                let stopped = candidates[start]
                outcomes[stopped] = runOne(programs[stopped], configuration: configuration, directory: directory)
                start += 1
            }
        }
        return programs.indices.map { index in
            outcomes[index] ?? runOne(programs[index], configuration: configuration, directory: directory)
        }
    }

    /// The positions of the programs that may share a child; compiles them in the worker for `_crucible_run_batch`.
    private static func shareable(_ programs: [PythonProgram]) -> [Int] {
        let request = JSONValue.object([
            ("sources", .array(programs.map { .string($0.source) })),
            ("trusted", .array(programs.map { .bool($0.isLiteralCheck == true) })),
        ])
        guard let verdicts = EmbeddedPython.callForText("_crucible_prepare_batch", text: request.serialized()),
            verdicts.utf8.count == programs.count
        else { return [] }
        return zip(programs.indices, verdicts.utf8).compactMap { $1 == UInt8(ascii: "1") ? $0 : nil }
    }

    /// Runs `programs` (the prepared batch's from `start` on) in one child; the outcomes of those it finished, in
    /// order (possibly none), or nil when the child wrote output, which cannot be told apart between programs.
    private static func runTogether(
        _ programs: [PythonProgram], from start: Int, configuration: WorkerConfiguration, directory: ProgramDirectory
    ) -> [PythonOutcome]? {
        guard EmbeddedPython.call("_crucible_batch_from", text: String(start)) else { return nil }
        let timeout = programs.map(\.timeout).min() ?? 0
        guard
            case .success(let collected) = runChild(
                calling: "_crucible_run_batch", timeout: timeout,
                cpuSeconds: (UInt64(timeout.rounded(.up)) + 1) * UInt64(programs.count), renewedByReports: true,
                configuration: configuration, directory: directory)
        else { return nil }
        guard collected.stdout.isEmpty, collected.stderr.isEmpty else { return nil }
        let decoder = JSONDecoder()
        var finished: [PythonOutcome] = []
        // Only complete lines count: a child killed while writing leaves its last line unfinished.
        for line in collected.report.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
            guard finished.count < programs.count,
                let item = try? decoder.decode(ChildMonitor.Report.self, from: Data(line)),
                [.passed, .failed, .error].contains(item.status)
            else { break }
            var outcome = PythonOutcome(
                status: item.status, exceptionType: item.type, message: item.message,
                traceback: item.traceback ?? [], seconds: item.seconds ?? 0)
            outcome.sharedChild = true
            finished.append(outcome)
        }
        return finished
    }
}

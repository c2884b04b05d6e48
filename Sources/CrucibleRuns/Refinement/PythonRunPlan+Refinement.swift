import CrucibleBenchmarks
import CrucibleCore
import CruciblePython
import Foundation

/// What a Python run's repairs are told: the exception and the candidate's own frames (`error`), the failing test
/// with what was returned and expected (`tests`), or a trace of the candidate on that test's input (`trace`). The
/// last two run the candidate again in the sandbox with a probe; the reference solution is never shown.
extension PythonRunPlan {
    /// The trace's cap in UTF-8 bytes.
    static let traceCap = 4096

    func extract(replayed: Bool) -> @Sendable (String) -> String {
        extract
    }

    func isRepairable(_ candidate: RepairCandidate) -> Bool {
        candidate.execution.passed != nil
    }

    func feedbackDetails(_ candidates: [RepairCandidate], kind: FeedbackKind, oracle: Bool) throws -> [String] {
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let regions = candidates.map { candidate in
            byID[candidate.taskID].map {
                $0.candidateRegion(answer: candidate.generation.code, isFullSolution: whole(candidate))
            }
        }
        let stored = candidates.map(Self.outcome)
        switch kind {
        case .simple, .result:
            return candidates.map { _ in "" }
        case .error:
            return zip(stored, regions).map { outcome, region in
                PythonFeedbackText.error(outcome, region: region, timeout: options.effectiveTimeout)
            }
        case .tests, .trace:
            let programs = zip(candidates, regions).map { candidate, region in
                var program = PythonProgram(
                    id: "\(candidate.taskID)#\(candidate.sample)#probe",
                    source: byID[candidate.taskID]?.program(
                        answer: candidate.generation.code, isFullSolution: whole(candidate)) ?? "",
                    timeout: options.effectiveTimeout)
                if let region {
                    program.probe = PythonProbe(
                        candidateFile: region.file, candidateLines: region.lines, candidateSource: region.source,
                        trace: kind == .trace, traceCap: Self.traceCap)
                }
                return program
            }
            let probed = programs.isEmpty ? [] : sandbox.run(programs)
            return zip(zip(stored, probed), regions).map { pair, region in
                let (outcome, probe) = pair
                let test = PythonFeedbackText.tests(
                    outcome, probe: probe, region: region, timeout: options.effectiveTimeout)
                guard kind == .trace else { return test }
                return test + "\n\n" + PythonFeedbackText.trace(probe)
            }
        }
    }

    private func whole(_ candidate: RepairCandidate) -> Bool {
        candidate.round == 0 && fullSolutions.contains(SampleKey(taskID: candidate.taskID, sample: candidate.sample))
    }

    static func outcome(_ candidate: RepairCandidate) -> PythonOutcome {
        (try? JSONDecoder().decode(PythonOutcome.self, from: Data(candidate.execution.detail.utf8)))
            ?? PythonOutcome(status: PythonExecutionJob.pythonStatus(candidate.execution.status))
    }
}

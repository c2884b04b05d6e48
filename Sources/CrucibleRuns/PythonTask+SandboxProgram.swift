import CrucibleBenchmarks
import CruciblePython

extension PythonTask {
    /// The program that judges `answer` in the sandbox, marked for sharing a child as the task allows: a CRUXEval
    /// literal check may (`isLiteralCheck`); other programs may if the worker's audit finds them self-contained,
    /// except DS-1000's, which import the heavy libraries and run their own harness.
    func sandboxProgram(id: String, answer: String, isFullSolution: Bool, timeout: Double) -> PythonProgram {
        var program = PythonProgram(
            id: id, source: program(answer: answer, isFullSolution: isFullSolution), timeout: timeout)
        if isLiteralCheck(answer) { program.isLiteralCheck = true }
        if case .ds1000 = assembly { return program }
        program.mayShareChild = true
        return program
    }
}

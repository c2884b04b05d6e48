/// Where an answer's own code sits in the program a task makes of it: feedback shows frames and traces of that
/// code only, never of the benchmark's tests.
public struct CandidateRegion: Sendable, Hashable {
    /// The file name the code runs under: `<program>`, or `<string>` where the tests `exec` the answer (DS-1000).
    public var file: String
    /// Its lines in `file`; nil for all of them.
    public var lines: ClosedRange<Int>?
    /// Its text.
    public var source: String

    public init(file: String, lines: ClosedRange<Int>?, source: String) {
        self.file = file
        self.lines = lines
        self.source = source
    }

    public func contains(line: Int) -> Bool {
        lines?.contains(line) ?? true
    }
}

extension PythonTask {
    /// The answer's region of `program(answer:isFullSolution:)`.
    public func candidateRegion(answer: String, isFullSolution: Bool = false) -> CandidateRegion {
        let code: String
        switch assembly {
        case .humanEval:
            code = isFullSolution ? answer : prompt + answer
        case .mbpp:
            code = answer
        case .ds1000:
            return CandidateRegion(file: "<string>", lines: nil, source: DS1000Answer.clean(answer))
        case .cruxeval:
            // The answer is an expression inside the program's one assertion, its last line.
            let program = program(answer: answer)
            let count = program.split(separator: "\n", omittingEmptySubsequences: false).count
            return CandidateRegion(file: "<program>", lines: count...count, source: "assert … == " + answer)
        }
        let count = code.split(separator: "\n", omittingEmptySubsequences: false).count
        return CandidateRegion(file: "<program>", lines: 1...max(1, count), source: code)
    }
}

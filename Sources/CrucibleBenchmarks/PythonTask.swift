public import CrucibleCore

/// One Python benchmark problem: how an answer becomes a program that tests itself.
public struct PythonTask: Sendable, Hashable {
    public enum Assembly: Sendable, Hashable {
        /// HumanEval: prompt + completion + "\n" + test + "\ncheck(entry_point)"; an EvalPlus `solution` replaces
        /// prompt + completion.
        case humanEval(entryPoint: String, test: String)
        /// MBPP: code + "\n" + setup (test_setup_code, or the sanitized set's test_imports) + the asserts.
        case mbpp(setup: String, asserts: [String])
        /// DS-1000: code_context + "\ncode = <the cleaned answer as a literal>\ntest_execution(code)\n", plus
        /// `test_string(code)` when the context defines it.
        case ds1000(codeContext: String)
        /// CRUXEval: the function's code, then `assert <output> == <answer>` (an answer predicting an input is a
        /// whole call, `f(...)`).
        case cruxeval(code: String, input: String, output: String, predicting: ExecutionPrediction)
    }

    /// The benchmark's task id (`HumanEval/0`, `11`).
    public var id: TaskID
    public var prompt: String
    /// The benchmark's own solution, in the same form as an answer (a completion for HumanEval, code for MBPP).
    public var reference: String
    public var assembly: Assembly
    /// The main grouping for reports (DS-1000's library); nil when the benchmark has none.
    public var category: String?
    /// Further groupings by name (DS-1000's `perturbation`).
    public var groups: [String: String]

    public init(
        id: TaskID, prompt: String, reference: String, assembly: Assembly, category: String? = nil,
        groups: [String: String] = [:]
    ) {
        self.id = id
        self.prompt = prompt
        self.reference = reference
        self.assembly = assembly
        self.category = category
        self.groups = groups
    }

    /// The program for an answer. `isFullSolution` marks an EvalPlus-style answer that already holds the prompt.
    public func program(answer: String, isFullSolution: Bool = false) -> String {
        switch assembly {
        case .humanEval(let entryPoint, let test):
            let code = isFullSolution ? answer : prompt + answer
            return code + "\n" + test + "\n" + "check(\(entryPoint))"
        case .mbpp(let setup, let asserts):
            return answer + "\n" + setup + "\n" + asserts.joined(separator: "\n")
        case .cruxeval(let code, _, let output, _):
            return code + "\nassert " + output + " == " + answer
        case .ds1000(let codeContext):
            let code = DS1000Answer.clean(answer)
            // A JSON string literal is a valid Python string literal with the same value.
            let literal = JSONString.literal(code)
            let stringTest = codeContext.contains("test_string(") ? "test_string(code)\n" : "\n"
            return codeContext + "\n" + "code = \(literal)\n" + "test_execution(code)\n" + stringTest
        }
    }
}

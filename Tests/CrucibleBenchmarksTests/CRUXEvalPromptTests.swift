import CrucibleBenchmarks
import CrucibleTestSupport
import Testing

/// CRUXEval's prompts and answers: the hidden-code prompts show no line of any function's body (all 800 problems,
/// both modes, both styles), and answers are taken from completions by the rules of CRUXEval's inference code.
@Suite("CRUXEval prompts and answers")
struct CRUXEvalPromptTests {
    static func render(_ task: PythonTask, style: CRUXEvalPrompts.Style, hidesCode: Bool) throws -> String {
        guard case .cruxeval(_, _, _, let predicting) = task.assembly else { return "" }
        let template = try PromptTemplate(
            CRUXEvalPrompts.template(predicting: predicting, style: style, hidesCode: hidesCode),
            allowed: BenchmarkPrompts.pythonPlaceholders, source: "test")
        return template.render(BenchmarkPrompts.values(for: task))
    }

    static func code(_ task: PythonTask) -> String {
        if case .cruxeval(let code, _, _, _) = task.assembly { return code }
        return ""
    }

    @Test(SharedDatasets.required)
    func hiddenCodePromptsContainNoLineOfAnyFunctionsBody() throws {
        let file = "\(SharedDatasets.path)/cruxeval/cruxeval.jsonl"
        var checked = 0
        for predicting in [ExecutionPrediction.output, .input] {
            let tasks = try PythonDatasetLoader.cruxeval(file, predicting: predicting)
            #expect(tasks.count == 800)
            for task in tasks {
                let function = CRUXEvalFunction(taskID: task.id.rawValue, code: Self.code(task))
                let body = function.bodyLines
                #expect(!body.isEmpty, "\(task.id) has no body lines")
                for style in CRUXEvalPrompts.Style.allCases {
                    let hidden = try Self.render(task, style: style, hidesCode: true)
                    let promptLines = Set(hidden.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
                    let shown = body.filter { line in
                        promptLines.contains(line) || (line.count >= 12 && hidden.contains(line))
                    }
                    #expect(shown.isEmpty, "\(task.id) \(style): the hidden-code prompt shows \(shown)")
                    #expect(hidden.contains(function.name + "("), "\(task.id): the function is not named")
                    #expect(!hidden.contains("def "), "\(task.id): a definition in a hidden-code prompt")
                    // The same check finds the body in the prompt that shows the code, so it is not vacuous.
                    let visible = try Self.render(task, style: style, hidesCode: false)
                    #expect(body.allSatisfy { visible.contains($0) }, "\(task.id): the code prompt lacks its body")
                    checked += 1
                }
            }
        }
        #expect(checked == 3200)
    }

    @Test func answersAreTakenAsCRUXEvalsInferenceCodeTakesThem() {
        func output(_ text: String, _ style: CRUXEvalPrompts.Style = .direct, hidden: Bool = false) -> String {
            CRUXEvalAnswer.extract(text, predicting: .output, style: style, hidesCode: hidden)
        }
        func input(_ text: String, _ style: CRUXEvalPrompts.Style = .direct, hidden: Bool = false) -> String {
            CRUXEvalAnswer.extract(text, predicting: .input, style: style, hidesCode: hidden)
        }
        // Direct: the prompt ends with [ANSWER]; the completion is the assertion, up to the stop word.
        #expect(output("assert f(17) == 17\n[/ANSWER]\n\n[PYTHON]\nassert f(1) == 2") == "17")
        // Only the text between the first and the second `==` (the official split's quirk).
        #expect(output("assert f(1) == [1] == [1]") == "[1]")
        // No `==`: the whole answer.
        #expect(output("  'abc'  \n") == "'abc'")
        // Chain of thought: after [ANSWER].
        let thought =
            "1. s becomes \"hihi\"; f(x) == y here.\n[/THOUGHT]\n[ANSWER]\nassert f(\"hi\") == \"bhihia\"\n[/ANSWER]"
        #expect(output(thought, .chainOfThought) == "\"bhihia\"")
        // Direct prompts do not look for [ANSWER]: a repeated tag stays before the `==`, which drops it.
        #expect(output("[ANSWER]\nassert f(2) == 4\n[/ANSWER]") == "4")
        // Input: the call, from `assert f` on.
        #expect(input("assert f([1, 2]) == 3\n[/ANSWER]") == "f([1, 2])")
        #expect(input("Thinking...\n[ANSWER]\nassert f('a', 2) == 'aa'\n[/ANSWER]", .chainOfThought) == "f('a', 2)")
        // Without `assert f` the official code keeps what it has, and its scorer skips what lacks `f(`.
        #expect(input("g(3) == 4") == "g(3)")
        // Hidden code: the named function is given back as `f`.
        #expect(input("assert cruxeval_12(3) == 4", hidden: true) == "f(3)")
        #expect(output("assert cruxeval_12(3) == cruxeval_12x", hidden: true) == "cruxeval_12x")
        #expect(output("assert cruxeval_12(3) == cruxeval_7(2)", hidden: true) == "f(2)")
    }

    @Test func functionsAreRenamedWithTheirRecursiveCallsButNotFStrings() {
        let code =
            "s = f'{1}'\ndef f(text, n):\n    if n:\n        return f (text, n - 1) + f\"{n}\" + obj.f(1)\n"
            + "    return elf(text)"
        let function = CRUXEvalFunction(taskID: "sample_42", code: code)
        #expect(function.name == "cruxeval_42")
        #expect(
            function.renamedSource
                == "s = f'{1}'\ndef cruxeval_42(text, n):\n    if n:\n        return cruxeval_42 (text, n - 1) + "
                + "f\"{n}\" + obj.f(1)\n    return elf(text)")
        #expect(function.bodyLines == ["if n:", "return f (text, n - 1) + f\"{n}\" + obj.f(1)", "return elf(text)"])
        #expect(function.lineCount == 5)
        #expect(function.sizeGroup == "4–6 lines")
    }

    @Test func operationsAreReadFromTheSource() {
        func used(_ code: String) -> [CRUXEvalOperation] { CRUXEvalOperation.used(in: code) }
        #expect(used("def f(s):\n    return s.upper()") == [.string])
        #expect(used("def f(xs):\n    xs.append(1)\n    return xs[-1]") == [.list])
        #expect(used("def f(d):\n    return {k: v for k, v in d.items()}") == [.dict])
        #expect(used("def f(a, b):\n    return a * b - 1") == [.arithmetic])
        #expect(used("def f(a):\n    return a + 1") == [.arithmetic])
        // Unary minus in an index, `+` on names and a string that mentions a method are none of them.
        #expect(used("def f(a, b):\n    return a[-1] + b  # .upper()\n    'x.append(1)'") == [])
        #expect(used("def f(d):\n    return {}") == [.dict])
        #expect(used("def f(n):\n    return [i for i in range(n)]") == [.list])
        #expect(used("def f(t):\n    return f'{t}'") == [.string])
    }
}

/// CRUXEval's prompts, direct and chain of thought for both modes, as its inference code builds them (the
/// benchmark's own text, MIT-licensed like its data: a run that reproduces its tables must send the same words),
/// and the `--hide-code` variants, written here, in which the function is named but its code is not shown
/// (Programming by Backprop's evaluation: a model trained on the source is asked about the function by name).
/// Placeholders: `{code}`, `{input}`, `{output}`, `{name}` (the function's name in hidden-code prompts).
public enum CRUXEvalPrompts {
    public enum Style: String, Sendable, Hashable, Codable, CaseIterable {
        case direct
        case chainOfThought = "cot"
    }

    public static let placeholders: Set<String> = ["code", "input", "output", "name"]

    /// Where the official inference stops generating (its stop word); the answer is before it.
    public static let stopWord = "[/ANSWER]"

    public static func template(predicting: ExecutionPrediction, style: Style, hidesCode: Bool) -> String {
        switch (predicting, style, hidesCode) {
        case (.output, .direct, false): return directOutput
        case (.output, .chainOfThought, false): return chainOfThoughtOutput
        case (.input, .direct, false): return directInput
        case (.input, .chainOfThought, false): return chainOfThoughtInput
        case (.output, .direct, true): return HiddenCodePrompts.directOutput
        case (.output, .chainOfThought, true): return HiddenCodePrompts.chainOfThoughtOutput
        case (.input, .direct, true): return HiddenCodePrompts.directInput
        case (.input, .chainOfThought, true): return HiddenCodePrompts.chainOfThoughtInput
        }
    }

    static func lines(_ lines: String...) -> String { lines.joined(separator: "\n") }

    static let directOutput = lines(
        "You are given a Python function and an assertion containing an input to the function. "
            + "Complete the assertion with a literal (no unsimplified expressions, no function calls) "
            + "containing the output when executing the provided code on the given input, even if the "
            + "function is incorrect or incomplete. Do NOT output any extra information. Provide the "
            + "full assertion with the correct output in [ANSWER] and [/ANSWER] tags, following the " + "examples.",
        "",
        "[PYTHON]",
        "def f(n):",
        "    return n",
        "assert f(17) == ??",
        "[/PYTHON]",
        "[ANSWER]",
        "assert f(17) == 17",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "def f(s):",
        "    return s + \"a\"",
        "assert f(\"x9j\") == ??",
        "[/PYTHON]",
        "[ANSWER]",
        "assert f(\"x9j\") == \"x9ja\"",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "{code}",
        "assert f({input}) == ??",
        "[/PYTHON]",
        "[ANSWER]",
        "",
    )
    static let chainOfThoughtOutput = lines(
        "You are given a Python function and an assertion containing an input to the function. "
            + "Complete the assertion with a literal (no unsimplified expressions, no function calls) "
            + "containing the output when executing the provided code on the given input, even if the "
            + "function is incorrect or incomplete. Do NOT output any extra information. Execute the "
            + "program step by step before arriving at an answer, and provide the full assertion with "
            + "the correct output in [ANSWER] and [/ANSWER] tags, following the examples.",
        "",
        "[PYTHON]",
        "def f(s):",
        "    s = s + s",
        "    return \"b\" + s + \"a\"",
        "assert f(\"hi\") == ??",
        "[/PYTHON]",
        "[THOUGHT]",
        "Let's execute the code step by step:",
        "",
        "1. The function f is defined, which takes a single argument s.",
        "2. The function is called with the argument \"hi\", so within the function, s is " + "initially \"hi\".",
        "3. Inside the function, s is concatenated with itself, so s becomes \"hihi\".",
        "4. The function then returns a new string that starts with \"b\", followed by the value "
            + "of s (which is now \"hihi\"), and ends with \"a\".",
        "5. The return value of the function is therefore \"bhihia\".",
        "[/THOUGHT]",
        "[ANSWER]",
        "assert f(\"hi\") == \"bhihia\"",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "{code}",
        "assert f({input}) == ??",
        "[/PYTHON]",
        "[THOUGHT]",
        "",
    )
    static let directInput = lines(
        "You will be given a function f and an output in the form f(??) == output. Find any "
            + "input such that executing f on the input leads to the given output. There may be "
            + "multiple answers, but you should only output one. In [ANSWER] and [/ANSWER] tags, "
            + "complete the assertion with one such input that will produce the output when executing "
            + "the function.",
        "",
        "[PYTHON]",
        "def f(my_list):",
        "    count = 0",
        "    for i in my_list:",
        "        if len(i) % 2 == 0:",
        "            count += 1",
        "    return count",
        "assert f(??) == 3",
        "[/PYTHON]",
        "[ANSWER]",
        "assert f([\"mq\", \"px\", \"zy\"]) == 3",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "def f(s1, s2):",
        "    return s1 + s2",
        "assert f(??) == \"banana\"",
        "[/PYTHON]",
        "[ANSWER]",
        "assert f(\"ba\", \"nana\") == \"banana\"",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "{code}",
        "assert f(??) == {output}",
        "[/PYTHON]",
        "[ANSWER]",
        "",
    )
    static let chainOfThoughtInput = lines(
        "You will be given a function f and an output in the form f(??) == output. Your task is "
            + "to find any input such that executing f on the input leads to the given output. There "
            + "may be multiple answers, but only output one. First, think step by step. You MUST "
            + "surround the answer with [ANSWER] and [/ANSWER] tags. Express your answer as a passing "
            + "assertion containing the input and the given output.",
        "",
        "[PYTHON]",
        "def f(x):",
        "    return x + 1",
        "assert f(??) == 17",
        "[/PYTHON]",
        "[THOUGHT]",
        "To find an input such that executing f on the input leads to the given output, we can "
            + "work backwards from the given assertion. We know that f(??) == 17. ",
        "",
        "Since the function f(x) returns x + 1, for f(??) to be equal to 17, the value of ?? " + "should be 16. ",
        "[/THOUGHT]",
        "[ANSWER]",
        "assert f(16) == 17",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "{code}",
        "assert f(??) == {output}",
        "[/PYTHON]",
        "[THOUGHT]",
        "",
    )
}

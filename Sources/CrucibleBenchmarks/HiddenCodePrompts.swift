/// CRUXEval's questions with the function named but not shown (`--hide-code`), in CRUXEval's answer format so that
/// the same extraction applies. The examples use built-in functions, whose behaviour a model knows without their
/// code, so that no example shows a function's body either.
enum HiddenCodePrompts {
    private static let outputTask =
        "You are given the name of a Python function you have learned, {name}, and an assertion containing an "
        + "input to it; its code is not shown. Complete the assertion with a literal (no unsimplified expressions, "
        + "no function calls) containing the output when executing {name} on the given input."

    private static let inputTask =
        "You are given the name of a Python function you have learned, {name}, and an output in the form "
        + "{name}(??) == output; its code is not shown. Find any input such that executing {name} on the input "
        + "leads to the given output. There may be multiple answers, but you should only output one."

    static let directOutput = CRUXEvalPrompts.lines(
        outputTask + " Do NOT output any extra information. Provide the full assertion with the correct output in "
            + "[ANSWER] and [/ANSWER] tags, following the examples.",
        "",
        "[PYTHON]",
        "assert len(\"hello\") == ??",
        "[/PYTHON]",
        "[ANSWER]",
        "assert len(\"hello\") == 5",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "assert sorted([3, 1, 2]) == ??",
        "[/PYTHON]",
        "[ANSWER]",
        "assert sorted([3, 1, 2]) == [1, 2, 3]",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "assert {name}({input}) == ??",
        "[/PYTHON]",
        "[ANSWER]",
        ""
    )

    static let chainOfThoughtOutput = CRUXEvalPrompts.lines(
        outputTask + " Do NOT output any extra information. Recall what the function does and execute it step by "
            + "step before arriving at an answer, and provide the full assertion with the correct output in "
            + "[ANSWER] and [/ANSWER] tags, following the example.",
        "",
        "[PYTHON]",
        "assert sorted([3, 1, 2], reverse=True) == ??",
        "[/PYTHON]",
        "[THOUGHT]",
        "1. sorted returns a new list with the items of its argument in ascending order.",
        "2. With reverse=True the order is descending instead.",
        "3. The items are 3, 1 and 2, so the result is [3, 2, 1].",
        "[/THOUGHT]",
        "[ANSWER]",
        "assert sorted([3, 1, 2], reverse=True) == [3, 2, 1]",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "assert {name}({input}) == ??",
        "[/PYTHON]",
        "[THOUGHT]",
        ""
    )

    static let directInput = CRUXEvalPrompts.lines(
        inputTask + " In [ANSWER] and [/ANSWER] tags, complete the assertion with one such input that will "
            + "produce the output when executing the function.",
        "",
        "[PYTHON]",
        "assert len(??) == 3",
        "[/PYTHON]",
        "[ANSWER]",
        "assert len(\"abc\") == 3",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "assert abs(??) == 4",
        "[/PYTHON]",
        "[ANSWER]",
        "assert abs(-4) == 4",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "assert {name}(??) == {output}",
        "[/PYTHON]",
        "[ANSWER]",
        ""
    )

    static let chainOfThoughtInput = CRUXEvalPrompts.lines(
        inputTask + " First, recall what the function does and think step by step. You MUST surround the answer "
            + "with [ANSWER] and [/ANSWER] tags. Express your answer as a passing assertion containing the input "
            + "and the given output.",
        "",
        "[PYTHON]",
        "assert max(??) == 7",
        "[/PYTHON]",
        "[THOUGHT]",
        "max returns the largest item of its argument, so any list whose largest item is 7 will do, such as "
            + "[7, 2].",
        "[/THOUGHT]",
        "[ANSWER]",
        "assert max([7, 2]) == 7",
        "[/ANSWER]",
        "",
        "[PYTHON]",
        "assert {name}(??) == {output}",
        "[/PYTHON]",
        "[THOUGHT]",
        ""
    )
}

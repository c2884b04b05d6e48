/// Four real HumanEval tasks and how the scripted model answers them: one right at once, two fixed only when the
/// feedback shows a trace with the values of their loop variable (`balance=`, `distance=`), one never fixed.
enum HumanEvalRepairScript {
    static let tasks = "HumanEval/0,HumanEval/2,HumanEval/3,HumanEval/4"

    static let wrongBelowZero = """
            balance = 0
            for op in operations:
                balance = op
                if balance < 0:
                    return True
            return False

        """

    static let rightBelowZero = """
            balance = 0
            for op in operations:
                balance += op
                if balance < 0:
                    return True
            return False

        """

    static let wrongCloseElements = """
            for idx, elem in enumerate(numbers):
                for idx2, elem2 in enumerate(numbers):
                    if idx != idx2:
                        distance = abs(elem - elem2)
                        if distance > threshold:
                            return True
            return False

        """

    static let rightCloseElements = """
            for idx, elem in enumerate(numbers):
                for idx2, elem2 in enumerate(numbers):
                    if idx != idx2:
                        distance = abs(elem - elem2)
                        if distance < threshold:
                            return True
            return False

        """

    static var model: ScriptedRepairModel {
        ScriptedRepairModel(scripts: [
            .init(marker: "def truncate_number", first: "    return number % 1.0\n") { _, _ in nil },
            .init(marker: "def below_zero", first: wrongBelowZero) { _, feedback in
                feedback.contains("balance=") ? rightBelowZero : nil
            },
            .init(marker: "def has_close_elements", first: wrongCloseElements) { _, feedback in
                feedback.contains("distance=") ? rightCloseElements : nil
            },
            .init(marker: "def mean_absolute_deviation", first: "    return 0.0\n") { _, _ in "    return 1.0\n" },
        ])
    }
}

/// The unbiased pass@k estimator of Chen et al. (2021).
public enum PassAtK {
    /// 1 − C(n−c, k) / C(n, k) for n samples with c correct, computed as a product so it stays exact for large n;
    /// nil when there are fewer than k samples.
    ///
    /// `shortListsPass`: CRUXEval's scorer, whose filters can leave a task fewer than k answers, applies its
    /// `n − c < k → 1` rule to such a list too, so a list shorter than k counts 1 there.
    public static func estimate(samples n: Int, correct c: Int, k: Int, shortListsPass: Bool = false) -> Double? {
        guard k > 0, c >= 0, c <= n, n >= k || shortListsPass else { return nil }
        if n - c < k { return 1 }
        if c == 0 { return 0 }
        var failAll = 1.0
        for i in (n - c + 1)...n {
            failAll *= 1 - Double(k) / Double(i)
        }
        return 1 - failAll
    }

    /// The mean over tasks; nil when some task has fewer than k samples.
    public static func mean(_ tasks: [(samples: Int, correct: Int)], k: Int, shortListsPass: Bool = false) -> Double? {
        guard !tasks.isEmpty else { return nil }
        var total = 0.0
        for task in tasks {
            guard
                let value = estimate(
                    samples: task.samples, correct: task.correct, k: k, shortListsPass: shortListsPass)
            else { return nil }
            total += value
        }
        return total / Double(tasks.count)
    }
}

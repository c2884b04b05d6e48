import CrucibleCore
import Testing

@Suite("pass@k")
struct PassAtKTests {
    @Test func matchesTheClosedForm() throws {
        // 1 - C(n-c, k) / C(n, k) for n = 10, c = 3, k = 5: 1 - C(7,5)/C(10,5) = 1 - 21/252.
        let value = try #require(PassAtK.estimate(samples: 10, correct: 3, k: 5))
        #expect(abs(value - (1 - 21.0 / 252.0)) < 1e-12)
        #expect(PassAtK.estimate(samples: 10, correct: 0, k: 1) == 0)
        #expect(PassAtK.estimate(samples: 10, correct: 8, k: 5) == 1)
        #expect(PassAtK.estimate(samples: 4, correct: 1, k: 1) == 0.25)
        #expect(PassAtK.estimate(samples: 3, correct: 1, k: 5) == nil)
    }

    @Test func staysFiniteForLargeN() throws {
        let value = try #require(PassAtK.estimate(samples: 1000, correct: 1, k: 100))
        #expect(abs(value - 0.1) < 1e-12)
        #expect(PassAtK.mean([(10, 10), (10, 0)], k: 1) == 0.5)
    }

    /// CRUXEval's scorer applies `n − c < k → 1` before anything else, so a list its filters shortened below k
    /// counts 1, even with no correct answer; everywhere else such a list has no pass@k.
    @Test func cruxevalsShortListsCountOne() {
        #expect(PassAtK.estimate(samples: 3, correct: 1, k: 5, shortListsPass: true) == 1)
        #expect(PassAtK.estimate(samples: 3, correct: 0, k: 5, shortListsPass: true) == 1)
        #expect(PassAtK.estimate(samples: 3, correct: 0, k: 5) == nil)
        #expect(PassAtK.estimate(samples: 10, correct: 0, k: 5, shortListsPass: true) == 0)
        #expect(PassAtK.mean([(1, 1), (10, 0)], k: 5, shortListsPass: true) == 0.5)
    }
}

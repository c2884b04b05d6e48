import CrucibleCore
import Testing

@Suite("Accuracy tallies and breakdowns")
struct AccuracyTests {
    @Test func unavailableTasksAreCountedApart() {
        var tally = AccuracyTally()
        tally.add(passed: true)
        tally.add(passed: false)
        tally.add(passed: nil)
        #expect(tally.total == 3)
        #expect(tally.scored == 2)
        #expect(tally.unavailable == 1)
        #expect(tally.accuracy == 0.5)
        #expect(AccuracyTally().accuracy == nil)
    }

    @Test func breakdownKeepsTheBenchmarkOrderThenOthers() {
        var breakdown = CategoryBreakdown(preferredOrder: ["easy", "medium", "hard", "extra"])
        breakdown.add(category: "hard", passed: true)
        breakdown.add(category: "zeta", passed: false)
        breakdown.add(category: "alpha", passed: nil)
        #expect(breakdown.order == ["easy", "medium", "hard", "extra", "alpha", "zeta"])
        #expect(breakdown["hard"].passed == 1)
        #expect(breakdown["medium"].total == 0)
        #expect(breakdown.all == AccuracyTally(total: 3, scored: 2, passed: 1))
    }

    @Test func statusesSayWhetherTheyPass() {
        #expect(ScoreStatus.match.passed == true)
        #expect(ScoreStatus.timeout.passed == false)
        #expect(ScoreStatus.goldFailed.passed == false)
        #expect(ScoreStatus.unavailable.passed == nil)
        #expect(ScoreStatus.rowCap.rawValue == "row-cap")
    }
}

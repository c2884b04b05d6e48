import Testing

@testable import CrucibleSQL

@Suite("Spider's query rewrites")
struct SpiderQueryRewriterTests {
    @Test func distinctIsRemovedAsAKeywordOnly() {
        #expect(SpiderQueryRewriter.removeDistinct("SELECT DISTINCT name FROM t") == "SELECT  name FROM t")
        #expect(
            SpiderQueryRewriter.removeDistinct("SELECT count(distinct name) FROM t") == "SELECT count( name) FROM t")
        #expect(SpiderQueryRewriter.removeDistinct("SELECT 'distinct' FROM t") == "SELECT 'distinct' FROM t")
        #expect(SpiderQueryRewriter.removeDistinct("SELECT \"distinct\" FROM t") == "SELECT \"distinct\" FROM t")
        #expect(SpiderQueryRewriter.removeDistinct("SELECT distinct_name FROM t") == "SELECT distinct_name FROM t")
        #expect(
            SpiderQueryRewriter.removeDistinct("SELECT `distinct` FROM t -- distinct")
                == "SELECT `distinct` FROM t -- distinct")
        #expect(SpiderQueryRewriter.removeDistinct("SELECT T1.DISTINCT FROM t AS T1") == "SELECT T1. FROM t AS T1")
    }

    @Test func onlyTheFirstStatementSurvivesDistinctRemoval() {
        #expect(SpiderQueryRewriter.removeDistinct("SELECT a FROM t; DROP TABLE t") == "SELECT a FROM t; ")
        #expect(SpiderQueryRewriter.removeDistinct("SELECT (SELECT 1; ) FROM t; x") == "SELECT (SELECT 1; ) FROM t; ")
    }

    @Test func valuePlaceholdersBecomeOneEverywhere() {
        #expect(
            SpiderQueryRewriter.replacePlaceholderValues("SELECT * FROM t WHERE a = value")
                == "SELECT * FROM t WHERE a = 1")
        #expect(SpiderQueryRewriter.replacePlaceholderValues("SELECT market_value FROM t") == "SELECT market_1 FROM t")
        #expect(SpiderQueryRewriter.replacePlaceholderValues("SELECT Value FROM t") == "SELECT Value FROM t")
    }

    @Test func spacedOperatorsAreJoined() {
        #expect(
            SpiderQueryRewriter.joinSpacedOperators("a > = 1 AND b < = 2 AND c ! = 3") == "a >= 1 AND b <= 2 AND c != 3"
        )
    }

    @Test func currentYearBecomes2020() {
        #expect(
            SpiderQueryRewriter.replaceCurrentYear("SELECT year(curdate()) - age FROM t") == "SELECT 2020- age FROM t")
        #expect(SpiderQueryRewriter.replaceCurrentYear("SELECT YEAR ( CURDATE ( ) )") == "SELECT 2020")
    }

    @Test func orderMattersFollowsTheRewrittenGold() {
        let rule = SpiderExecutionRule()
        #expect(rule.prepare(prediction: "x", gold: "SELECT a FROM t ORDER BY a").orderMatters)
        #expect(!rule.prepare(prediction: "x", gold: "SELECT a FROM t ORDER  BY a").orderMatters)
        #expect(!rule.prepare(prediction: "x", gold: "SELECT a FROM t").orderMatters)
    }

    @Test func keepDistinctLeavesBothQueriesAlone() {
        let prepared = SpiderExecutionRule(keepDistinct: true).prepare(
            prediction: "SELECT DISTINCT a FROM t", gold: "SELECT DISTINCT a FROM t")
        #expect(prepared.prediction == "SELECT DISTINCT a FROM t")
        #expect(prepared.gold == "SELECT DISTINCT a FROM t")
    }
}

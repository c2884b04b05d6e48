import CrucibleCore
import CrucibleReports
import Testing

@Suite("Markdown tables")
struct MarkdownTests {
    @Test func accuracyTableLooksLikeAPapersTable() {
        var breakdown = CategoryBreakdown(preferredOrder: ["easy", "hard"])
        breakdown.add(category: "easy", passed: true)
        breakdown.add(category: "easy", passed: false)
        breakdown.add(category: "easy", passed: true)
        breakdown.add(category: "hard", passed: nil)
        let text = AccuracyTableRenderer.table(breakdown, categoryTitle: "hardness", metricTitle: "EX (%)").rendered
        #expect(
            text == """
                | hardness | count | EX (%) |
                |:---|---:|---:|
                | easy | 3 | 66.7 |
                | hard | 0 | – |
                | **all** | **3** | **66.7** |

                """)
    }

    @Test func pipesAndLineBreaksCannotBreakTheLayout() {
        var table = MarkdownTable(headers: ["a", "b"])
        table.append(["x | y", "1\n2"])
        #expect(table.rendered.contains(#"| x \| y | 1 2 |"#))
    }

    @Test func percentRoundsToOneDecimal() {
        #expect(AccuracyTableRenderer.percent(0.83230452) == "83.2")
        #expect(AccuracyTableRenderer.percent(1) == "100.0")
        #expect(AccuracyTableRenderer.percent(0.9995) == "100.0")
        #expect(AccuracyTableRenderer.percent(nil) == "–")
    }
}

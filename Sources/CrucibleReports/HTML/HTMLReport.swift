public import CrucibleCore

/// `report --format html`: one self-contained file (no network: styles, scripts and charts are inside it) with the
/// report's tables and charts and a per-task view of every result: filters by verdict, category and round, search,
/// the tasks that flipped between the first result and another, and each task's candidates round by round with
/// their verdicts, errors and the feedback the model was shown.
public enum HTMLReport {
    /// `tasks`: the per-task data (`{"runs": [...]}`) the view shows.
    public static func render(_ report: RunReport, charts: [ReportCharts.Chart], tasks: JSONValue) -> String {
        let inline = Dictionary(uniqueKeysWithValues: charts.map { ($0.file, $0.chart.svg) })
        let tables = MarkdownHTML.render(ReportMarkdown.render(report, charts: charts), inline: inline)
        // `</` inside the data would end its script element; `<\/` is the same JSON string.
        let data = tasks.serialized().replacingOccurrences(of: "</", with: "<\\/")
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Crucible report</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>\(HTMLReportScript.style)</style></head>
            <body>
            <header><h1>Crucible report</h1><nav><a href="#view=tables" id="tab-tables">Tables</a><a href="#view=tasks" id="tab-tasks">Tasks</a></nav></header>
            <main>
            <section id="tables">\(tables)</section>
            <section id="tasks"><h2>Tasks</h2>
            <div id="controls">
            <label>result<select id="run"></select></label>
            <label>verdict<select id="status"><option value="all">all</option><option value="passed">passed</option><option value="failed">failed</option><option value="unavailable">unavailable</option><option value="flipped" id="flipped-option">flipped against the first result</option></select></label>
            <label>category<select id="category"></select></label>
            <label>round<select id="round"></select></label>
            <label>search<input id="search" type="search" placeholder="id, prompt, code, error"></label>
            <button id="prev">previous</button><button id="next">next</button>
            </div>
            <p id="summary"></p>
            <div id="tasks-layout"><div><table id="list"></table></div><div id="detail"></div></div>
            </section>
            </main>
            <script type="application/json" id="task-data">\(data)</script>
            <script>\(HTMLReportScript.script)</script>
            </body></html>

            """
    }
}

import CrucibleCore
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible report` on real scored results (DAIL-SQL's Spider dev predictions and the gold queries), its charts
/// rendered by a real headless browser.
@Suite("crucible report", .serialized, SharedDatasets.required)
struct ReportCommandTests {
    @Test func tablesCarryWilsonIntervalsCountsAndTheBestInBold() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dail, gold) = try CompareCommandTests.scored(folder)
        let report = try CrucibleCommand.run([
            "report", dail, gold, "--out", "\(folder)/report", "--format", "md", "--format", "json", "--format",
            "latex",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try String(contentsOfFile: "\(folder)/report/report.md", encoding: .utf8)
        let wilson = try #require(ProportionInterval.wilson(successes: 809, trials: 972))
        func percent(_ value: Double) -> String { String(format: "%.1f", (value * 1000).rounded() / 10) }
        #expect(
            markdown.contains(
                "| dail-sql-gpt4.txt | 83.2 [\(percent(wilson.low)), \(percent(wilson.high))]<br>n = 972, 62 unavailable |"
            ),
            "\(markdown.prefix(800))")
        #expect(markdown.contains("| gold.txt | **100.0** ["))
        #expect(markdown.contains("| extra | 164 | 59.8 | 100.0 |"))
        #expect(markdown.contains("![Accuracy by model](chart-accuracy.svg)"))
        #expect(markdown.contains("database `wta_1` is not available: 62"))
        #expect(markdown.contains("crucible score --benchmark spider"))
        #expect(markdown.contains("- crucible: \(CrucibleCommandVersion.current)"), "\(markdown)")

        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/report/report.json"))) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let cell = try #require((rows.first?["cells"] as? [[String: Any]])?.first)
        #expect(abs((cell["value"] as? Double ?? 0) - 809.0 / 972) < 1e-12)
        #expect(abs((cell["low"] as? Double ?? 0) - wilson.low) < 1e-12)
        #expect(cell["interval"] as? String == "wilson")

        let latex = try String(contentsOfFile: "\(folder)/report/report.tex", encoding: .utf8)
        #expect(latex.contains("\\toprule") && latex.contains("\\midrule") && latex.contains("\\bottomrule"))
        #expect(latex.contains("dail-sql-gpt4.txt & 83.2 {\\scriptsize ["))
        #expect(latex.contains("\\textbf{100.0}"))

        // The fragment compiles inside a table of a document that loads booktabs.
        try """
        \\documentclass{article}
        \\usepackage{booktabs}
        \\begin{document}
        \\begin{table}
        \\input{report.tex}
        \\end{table}
        \\end{document}
        """.write(toFile: "\(folder)/report/paper.tex", atomically: true, encoding: .utf8)
        let latexRun = Process()
        latexRun.executableURL = URL(fileURLWithPath: "/usr/bin/pdflatex")
        latexRun.arguments = ["-interaction=nonstopmode", "-halt-on-error", "paper.tex"]
        latexRun.currentDirectoryURL = URL(fileURLWithPath: "\(folder)/report")
        latexRun.standardOutput = FileHandle.nullDevice
        try latexRun.run()
        latexRun.waitUntilExit()
        #expect(latexRun.terminationStatus == 0, "pdflatex failed: see \(folder)/report/paper.log")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/report/paper.pdf"))
    }

    @Test(
        .enabled(
            if: HeadlessBrowser.isInstalled || SharedDatasetsRequired.value, "needs chromium (make test installs it)"))
    func chartsRenderInABrowserWithTheirLabels() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dail, gold) = try CompareCommandTests.scored(folder)
        let report = try CrucibleCommand.run(["report", dail, gold, "--out", "\(folder)/report"])
        #expect(report.status == 0, "\(report.stderr)")
        for (file, labels) in [
            (
                "chart-accuracy.svg",
                ["Accuracy by model", "accuracy (%)", "Spider EX", "dail-sql-gpt4.txt", "gold.txt"]
            ),
            ("chart-spider-by-hardness.svg", ["Spider by hardness", "easy", "extra", "hardness"]),
        ] {
            let svg = try String(contentsOfFile: "\(folder)/report/\(file)", encoding: .utf8)
            // The browser draws the chart onto a canvas and counts the pixels that are not white, and lays out
            // the chart's text, measuring each label.
            let page = """
                <!doctype html><html><body><div id="chart">\(svg)</div><pre id="result">pending</pre><script>
                const texts = {};
                for (const t of document.querySelectorAll('#chart text')) texts[t.textContent] = t.getComputedTextLength();
                const img = new Image();
                img.onload = () => {
                  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
                  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                  const d = g.getImageData(0, 0, c.width, c.height).data; let ink = 0;
                  for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i+1] < 200 || d[i+2] < 200) ink++;
                  document.getElementById('result').textContent = JSON.stringify({ink, texts});
                };
                img.src = 'data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())';
                </script></body></html>
                """
            let pagePath = "\(folder)/check-\(file).html"
            try page.write(toFile: pagePath, atomically: true, encoding: .utf8)
            let dom = try HeadlessBrowser.dom(URL(fileURLWithPath: pagePath))
            let result = try #require(
                dom.range(of: "<pre id=\"result\">").flatMap { start in
                    dom[start.upperBound...].range(of: "</pre>").map { String(dom[start.upperBound..<$0.lowerBound]) }
                })
            let object = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(result.replacingOccurrences(of: "&amp;", with: "&").utf8)) as? [String: Any], "\(result)"
            )
            let ink = object["ink"] as? Int ?? 0
            #expect(ink > 20_000, "\(file): only \(ink) pixels drawn")
            let texts = object["texts"] as? [String: Double] ?? [:]
            for label in labels {
                #expect((texts[label] ?? 0) > 5, "\(file): label \(label) not laid out (\(texts.keys.sorted()))")
            }
            let screenshot = "\(folder)/\(file).png"
            try HeadlessBrowser.screenshot(
                URL(fileURLWithPath: "\(folder)/report/\(file)"), to: screenshot, width: 760, height: 420)
            let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5000, "\(file): \(png.count) bytes")
        }
    }
}

/// Whether CI requires every test to run (then a missing browser fails instead of skipping).
enum SharedDatasetsRequired {
    static var value: Bool { ProcessInfo.processInfo.environment["CRUCIBLE_REQUIRE_SHARED_DATA"] == "1" }
}

/// The refinement and model-version tables, on two scripted runs of real Spider dev tasks (the stand-in model is
/// a local HTTP server): `base` refined with `simple` feedback, and `iter-1` (parent `base`) with `error` feedback.
@Suite("crucible report: refinement and versions", .serialized, SharedDatasets.required)
struct ReportRefinementTests {
    @Test func roundsAndTheVersionLineAreTabled() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        let base = try CrucibleCommand.run(
            RefinementRoundsTests.spiderArguments(
                "\(folder)/base", server, ["--feedback", "simple", "--model-version", "base"]))
        #expect(base.status == 0, "\(base.stderr)")
        let next = try CrucibleCommand.run(
            RefinementRoundsTests.spiderArguments(
                "\(folder)/iter-1", server,
                [
                    "--feedback", "error", "--repair", "explain-then-fix", "--model-version", "iter-1",
                    "--parent-version", "base",
                ]))
        #expect(next.status == 0, "\(next.stderr)")
        let report = try CrucibleCommand.run([
            "report", "\(folder)/base", "\(folder)/iter-1", "--out", "\(folder)/report", "--format", "md",
            "--format", "json",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try String(contentsOfFile: "\(folder)/report/report.md", encoding: .utf8)
        #expect(
            markdown.contains("| base | Spider | Refine | simple | 25.0 | 25.0 | 25.0 | 25.0 | 0.0 | 0.0 | 0.0 |"),
            "\(markdown)")
        #expect(
            markdown.contains(
                "| iter-1 | Spider | Expl.+Refine | error | 25.0 | 50.0 | 75.0 | 75.0 | 33.3 | 50.0 | 0.0 |"),
            "\(markdown)")
        #expect(markdown.contains("![Accuracy by refinement round](chart-refinement.svg)"))
        // The version line: base, then iter-1 with its change on the first answers (both 2 of 8: no change).
        #expect(markdown.contains("| Spider | base | – | 25.0 ["), "\(markdown)")
        #expect(markdown.contains("| Spider | iter-1 | base | 25.0 ["), "\(markdown)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/report/chart-spider-versions.svg"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/report/report.json"))) as? [String: Any])
        let versions = try #require(json["versions"] as? [[String: Any]])
        #expect(versions.map { $0["version"] as? String } == ["base", "iter-1"])
        let refinement = try #require(json["refinement"] as? [[String: Any]])
        let rates = (refinement.last?["rounds"] as? [[String: Any]])?.map { $0["success_refinement_rate"] as? Double }
        #expect(rates?.dropFirst().map { $0 ?? -1 } == [2.0 / 6, 0.5, 0])
    }
}

/// The version `crucible --version` prints.
enum CrucibleCommandVersion {
    static var current: String {
        (try? CrucibleCommand.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
    }
}

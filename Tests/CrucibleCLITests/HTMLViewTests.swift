import CrucibleTestSupport
import Foundation
import Testing

/// `crucible report --format html` loaded in a real headless browser (Debian's chromium): the page is
/// self-contained, its filters and task view show what the runs hold, and a screenshot is taken. The runs are
/// real Spider dev tasks refined against the scripted stand-in model (a local HTTP server).
@Suite("The HTML view in a browser", .serialized, SharedDatasets.required)
struct HTMLViewTests {
    /// The rows the page's task list shows: (task, verdict, category, flip).
    static func rows(_ dom: String) -> [(task: String, status: String, flip: String)] {
        var found: [(String, String, String)] = []
        guard let table = dom.range(of: "<table id=\"list\">"),
            let close = dom[table.upperBound...].range(of: "</table>")
        else { return [] }
        var rest = dom[table.upperBound..<close.lowerBound]
        while let start = rest.range(of: "<tr data-task=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.range(of: "</tr>") else { break }
            let row = String(after[..<end.lowerBound])
            let task = String(row.prefix { $0 != "\"" })
            let status =
                row.range(of: "data-status=\"").map { String(row[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
            let cells = row.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
            found.append((task, status, cells.last ?? ""))
            rest = after[end.upperBound...]
        }
        return found
    }

    static func text(_ dom: String, id: String) -> String {
        guard let start = dom.range(of: "id=\"\(id)\">") else { return "" }
        let after = dom[start.upperBound...]
        return String(after.prefix { $0 != "<" })
    }

    @Test func filtersTheTaskViewAndFlipsWorkInABrowser() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        let refined = try CrucibleCommand.run(
            RefinementRoundsTests.spiderArguments("\(folder)/error", server, ["--feedback", "error"]))
        #expect(refined.status == 0, "\(refined.stderr)")
        let simple = try CrucibleCommand.run(
            RefinementRoundsTests.spiderArguments("\(folder)/simple", server, ["--feedback", "simple"]))
        #expect(simple.status == 0, "\(simple.stderr)")
        let report = try CrucibleCommand.run([
            "report", "\(folder)/simple", "\(folder)/error", "--out", "\(folder)/report", "--format", "html",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let page = "\(folder)/report/report.html"
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Self-contained: nothing is fetched from the network.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        #expect(html.contains("<svg"))
        func view(_ fragment: String) throws -> String {
            var components = URLComponents(url: URL(fileURLWithPath: page), resolvingAgainstBaseURL: false)!
            components.fragment = fragment
            return try HeadlessBrowser.dom(components.url!)
        }

        // The second result (error feedback): 6 of 8 fail at first, 2 after round 3.
        let failedFirst = try view("run=1&status=failed&round=0")
        #expect(Self.rows(failedFirst).map(\.task) == ["4", "6", "8", "10", "12", "14"])
        #expect(Self.rows(failedFirst).allSatisfy { $0.status == "failed" })
        #expect(Self.text(failedFirst, id: "summary") == "6 of 8 tasks")
        let failedLast = try view("run=1&status=failed")
        #expect(Self.rows(failedLast).map(\.task) == ["12", "14"])
        let easyTasks = try String(contentsOfFile: "\(folder)/error/results.jsonl", encoding: .utf8)
            .split(separator: "\n").compactMap { line -> String? in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                guard object?["record"] == nil, object?["hardness"] as? String == "easy" else { return nil }
                return (object?["task_id"] as? Int).map(String.init)
            }
        #expect(!easyTasks.isEmpty)
        #expect(Self.rows(try view("run=1&category=easy")).map(\.task) == easyTasks)

        // Against the first result (simple feedback, nothing fixed), four tasks flipped to passing.
        let flipped = try view("run=1&status=flipped")
        #expect(Self.rows(flipped).map(\.task) == ["4", "6", "8", "10"])
        #expect(Self.rows(flipped).allSatisfy { $0.flip == "fail→pass" })

        // A task opened: its prompt, gold, and each round's candidate with the feedback it was shown.
        let task = try view("run=1&task=4")
        #expect(task.contains("id=\"detail-title\">Task 4"))
        #expect(task.contains("What is the average, minimum, and maximum age of all singers from France?"))
        #expect(task.contains("Gold (shown in this local view only)"))
        #expect(task.contains("FROM singers WHERE"))
        #expect(task.contains("no such table: singers"))
        #expect(task.contains("<h4>Round 1</h4>"))
        #expect(task.contains("class=\"feedback\">The code above is wrong."))

        // A query that ran but returned the wrong rows shows what it returned.
        let mismatch = try view("run=1&task=8")
        #expect(mismatch.contains("returned:\ncolumns: Name\n6 rows\nJoe Sharp"), "task 8 shows no result")

        let searched = try view("run=1&q=stadiumz")
        #expect(Self.rows(searched).map(\.task) == ["14"])

        let screenshot = "\(folder)/view.png"
        var components = URLComponents(url: URL(fileURLWithPath: page), resolvingAgainstBaseURL: false)!
        components.fragment = "run=1&status=failed&round=0&task=4"
        try HeadlessBrowser.screenshot(components.url!, to: screenshot)
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 30_000, "\(png.count) bytes")
    }
}

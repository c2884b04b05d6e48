import CrucibleCore
import CrucibleReports
import Foundation

// The HTML view at the scale the issue names: 10,000 tasks × 10 samples × 3 rounds (300,000 candidates, each with
// code, an error and, for repairs, feedback), written as one self-contained file, then opened in headless
// chromium. Prints the file size, the time to render it in Swift, the browser's first render of the task list
// (measured by the page itself), and the wall time of loading the page and applying a filter.
//
//   swift build -c release --product HTMLViewLoad && .build/release/HTMLViewLoad
//   HTML_TASKS=10000 HTML_SAMPLES=10 HTML_ROUNDS=3 (defaults)

let environment = ProcessInfo.processInfo.environment
let taskCount = Int(environment["HTML_TASKS"] ?? "") ?? 10_000
let samples = Int(environment["HTML_SAMPLES"] ?? "") ?? 10
let rounds = Int(environment["HTML_ROUNDS"] ?? "") ?? 3
var generator = SplitMix64(seed: 1)
let categories = ["easy", "medium", "hard", "extra"]

var tasks: [EvaluatedTask] = []
var viewTasks: [JSONValue] = []
for index in 0..<taskCount {
    var states: [[Bool]] = []
    var current = (0..<samples).map { _ in generator.next() % 3 == 0 }
    states.append(current)
    var candidates: [JSONValue] = []
    for sample in 0..<samples {
        candidates.append(
            .array([
                .number(0), .number(Double(sample)), .number(current[sample] ? 1 : 0),
                .string(current[sample] ? "match" : "mismatch"),
                .string("SELECT name, country FROM singer WHERE age > \(index % 90) ORDER BY name -- sample \(sample)"),
                .string(current[sample] ? "" : "rows: 3 predicted, 5 expected"), .null,
            ]))
    }
    for round in 1..<rounds {
        // Every sample gets a candidate in every round (as with --refine-passing): the full 10 × 3 per task.
        for sample in 0..<samples {
            current[sample] = current[sample] ? generator.next() % 10 != 0 : generator.next() % 4 == 0
            candidates.append(
                .array([
                    .number(Double(round)), .number(Double(sample)), .number(current[sample] ? 1 : 0),
                    .string(current[sample] ? "match" : "error"),
                    .string("SELECT name FROM singer WHERE country = 'France' AND age > \(round) -- repair"),
                    .string(current[sample] ? "" : "no such column: nme"),
                    .string(
                        "The code above is wrong.\n\nRunning the query in SQLite gave an error: no such column: nme\n\nPlease fix it."
                    ),
                ]))
        }
        states.append(current)
    }
    let id = String(index)
    let category = categories[index % categories.count]
    tasks.append(
        EvaluatedTask(id: .number(Double(index)), category: category, samples: states[0], rounds: states))
    viewTasks.append(
        .object([
            ("id", .string(id)), ("c", .string(category)), ("n", .number(Double(samples))),
            ("p", .array(states.map { .number(Double($0.filter { $0 }.count)) })),
            ("f", .array(states.map { .number($0[0] ? 1 : 0) })),
            (
                "q",
                .string("How many singers from country \(index % 40) are older than \(index % 90)? (schema omitted)")
            ),
            ("g", .string("SELECT count(*) FROM singer WHERE age > \(index % 90)")), ("k", .array(candidates)),
        ]))
}
var run = EvaluatedRun(
    directory: "synthetic", benchmark: "spider", model: "synthetic", categoryName: "hardness", tasks: tasks)
run.details.samplesPerTask = samples
let data = JSONValue.object([
    (
        "runs",
        .array([
            .object([
                ("label", .string("synthetic")), ("benchmark", .string("spider")), ("category", .string("hardness")),
                ("rounds", .number(Double(rounds))), ("tasks", .array(viewTasks)),
            ])
        ])
    )
])
let started = Date()
let report = RunReport.make([run], resamples: 1000)
let page = HTMLReport.render(report, charts: ReportCharts.make(report), tasks: data)
let renderSeconds = Date().timeIntervalSince(started)
let folder = NSTemporaryDirectory() + "crucible-html-\(UUID().uuidString)"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let path = folder + "/report.html"
try Data(page.utf8).write(to: URL(fileURLWithPath: path))
let candidateCount = viewTasks.reduce(0) { total, task in
    guard case .object(let fields) = task, case .array(let list)? = fields.first(where: { $0.0 == "k" })?.1 else {
        return total
    }
    return total + list.count
}
print("tasks \(taskCount), samples \(samples), rounds \(rounds): \(candidateCount) candidates")
print(String(format: "file size: %.1f MB; rendered in Swift in %.2f s", Double(page.utf8.count) / 1e6, renderSeconds))

func load(_ fragment: String) throws -> (wall: Double, render: String, summary: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
    process.arguments = [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--virtual-time-budget=60000",
        "--dump-dom", "file://\(path)#\(fragment)",
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    let start = Date()
    try process.run()
    let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let wall = Date().timeIntervalSince(start)
    func attribute(_ marker: String, until end: Character) -> String {
        guard let range = dom.range(of: marker) else { return "?" }
        return String(dom[range.upperBound...].prefix { $0 != end })
    }
    return (
        wall,
        "parse \(attribute("data-parse-milliseconds=\"", until: "\"")) ms, first render "
            + "\(attribute("data-render-milliseconds=\"", until: "\"")) ms, ready "
            + "\(attribute("data-ready-milliseconds=\"", until: "\"")) ms after navigation",
        attribute("id=\"summary\">", until: "<")
    )
}
for fragment in ["view=tasks", "status=failed&category=extra&round=0", "q=country%20=%20'France'&task=9999"] {
    let result = try load(fragment)
    print(
        String(
            format: "chromium #%@: %.2f s from start to DOM dump (chromium's start included); %@; %@",
            fragment, result.wall, result.render, result.summary))
}

import CrucibleCore
import CruciblePython
import CrucibleReports

/// The parts of a Python report that say what could not be scored and what it was scored with.
enum PythonReportSections {
    /// Why a task is unavailable, from its first unavailable sample: the missing library, or the download it needed.
    static func unavailableReason(_ task: PythonTaskScore) -> String {
        guard let sample = task.samples.first(where: { $0.status == .unavailable }) else { return "" }
        if sample.exceptionType == "ModuleNotFoundError", let message = sample.message,
            let quoted = message.split(separator: "'").dropFirst().first
        {
            let module = quoted.split(separator: ".").first.map(String.init) ?? String(quoted)
            return "needs \(module), which is not installed"
        }
        return "needs a download (programs have no network)"
    }

    static func unavailable(_ result: PythonScoreResult) -> String {
        let tasks = result.tasks.filter { !$0.isAvailable }
        guard !tasks.isEmpty else { return "" }
        var reasons: [(reason: String, ids: [String])] = []
        for task in tasks {
            let reason = unavailableReason(task)
            if let index = reasons.firstIndex(where: { $0.reason == reason }) {
                reasons[index].ids.append(task.taskID.rawValue)
            } else {
                reasons.append((reason, [task.taskID.rawValue]))
            }
        }
        let out = "\n## Unavailable here (not counted)\n\n"
        var table = MarkdownTable(headers: ["reason", "tasks", "ids"])
        for entry in reasons {
            table.append([entry.reason, String(entry.ids.count), idRanges(entry.ids)])
        }
        return out + table.rendered
    }

    /// `377–380, 819` for runs of consecutive numeric ids; other ids as they are.
    static func idRanges(_ ids: [String]) -> String {
        var parts: [String] = []
        var index = 0
        while index < ids.count {
            var end = index
            while end + 1 < ids.count, let current = Int(ids[end]), let next = Int(ids[end + 1]), next == current + 1 {
                end += 1
            }
            parts.append(end > index ? "\(ids[index])–\(ids[end])" : ids[index])
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    static func environment(_ result: PythonScoreResult) -> String {
        guard let environment = result.environment else { return "" }
        var out = "\n## Environment\n\n- Python \(environment.python)\n"
        let libraries = environment.libraries.keys.sorted().map { name in
            "\(name) " + (environment.libraries[name].flatMap { $0 } ?? "not installed")
        }
        if !libraries.isEmpty { out += "- libraries: " + libraries.joined(separator: ", ") + "\n" }
        let layers = environment.confinement.keys.sorted().map { "\($0): \(environment.confinement[$0]!)" }
        if !layers.isEmpty { out += "- confinement: " + layers.joined(separator: "; ") + "\n" }
        return out
    }
}

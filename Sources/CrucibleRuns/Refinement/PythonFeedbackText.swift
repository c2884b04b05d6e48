import CrucibleBenchmarks
import CrucibleCore
import CruciblePython
import Foundation

/// The `{details}` texts of Python feedback, from a program's outcome. Frames are shown only where they lie in
/// the candidate's own code (`CandidateRegion`); a test's code appears only in the kinds that show tests.
enum PythonFeedbackText {
    /// The exception and the candidate's own traceback frames; for a failed test, only that a test failed.
    static func error(_ outcome: PythonOutcome, region: CandidateRegion?, timeout: Double) -> String {
        switch outcome.status {
        case .passed: return "It passes every test."
        case .timeout: return "It did not finish within \(timeout) s."
        case .crashed: return "Its process died before the tests finished."
        case .unavailable: return ""
        case .failed where ownFrames(outcome, region: region).isEmpty:
            // The assertion is the test's: its text and message stay out of this kind.
            return "It fails a test (AssertionError)."
        case .failed, .error, .memory:
            var text = "It raised \(outcome.exceptionType ?? "an exception")"
            if let message = outcome.message, !message.isEmpty {
                text += ": " + Truncation.headAndTail(message, limit: 500)
            }
            let frames = ownFrames(outcome, region: region)
            if !frames.isEmpty {
                text += "\nTraceback (your code only):\n" + frames.map { "  " + $0 }.joined(separator: "\n")
            }
            return text
        }
    }

    /// The failing test and, for an equality assertion, what the candidate returned and what was expected.
    static func tests(_ outcome: PythonOutcome, probe: PythonOutcome, region: CandidateRegion?, timeout: Double)
        -> String
    {
        if let assertion = probe.assertion {
            var text = "Failing test: `\(assertion.statement)`"
            if let actual = assertion.actual { text += "\nYour code returned: \(actual)" }
            if let expected = assertion.expected { text += "\nExpected: \(expected)" }
            return text
        }
        var text = error(outcome, region: region, timeout: timeout)
        if let test = testFrame(outcome, region: region) { text += "\nThe test running: `\(test)`" }
        return text
    }

    static func trace(_ probe: PythonOutcome) -> String {
        guard let trace = probe.trace, !trace.isEmpty else { return "(no trace: the code did not run)" }
        return "Execution trace of your code on that test's input (each executed line with the variables it "
            + "changed):\n```python\n\(trace)\n```"
    }

    /// Traceback lines (`line N, in f: code`) whose line lies in the candidate's region of `<program>`.
    static func ownFrames(_ outcome: PythonOutcome, region: CandidateRegion?) -> [String] {
        guard let region, region.file == "<program>" else { return [] }
        return outcome.traceback.filter { line in lineNumber(line).map(region.contains(line:)) ?? false }
    }

    /// The last frame outside the candidate's code: the test statement that was running.
    static func testFrame(_ outcome: PythonOutcome, region: CandidateRegion?) -> String? {
        guard let region, region.file == "<program>" else { return nil }
        guard let line = outcome.traceback.last(where: { lineNumber($0).map { !region.contains(line: $0) } ?? false })
        else { return nil }
        return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func lineNumber(_ frame: String) -> Int? {
        guard frame.hasPrefix("line ") else { return nil }
        return Int(frame.dropFirst(5).prefix { $0.isNumber })
    }
}

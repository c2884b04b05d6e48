import Dispatch
import Foundation
import Synchronization

/// An external program as the model (a local Hugging Face or MLX script): it reads one JSON request per line on
/// standard input and writes one JSON line per request on standard output, in any order, matched by `"id"`.
///
/// Request: `{"id", "request_id", "task_id", "prompt": {"messages": [{"role", "content"}]} or {"text"}, "n",
/// "first_sample", "temperature", "top_p", "max_tokens", "stop", "seed"}` (absent parameters are left out).
/// Answer: `{"id", "completions": ["..."]}` (optionally `"prompt_tokens"`, `"completion_tokens"`), or
/// `{"id", "error": "why"}`. The program is started once and kept for every request; if it exits, every waiting
/// and later request fails with its exit status and the end of its standard error.
public final class CommandModel: LanguageModel, @unchecked Sendable {
    // @unchecked: the Process and the writer are set once in init and only read after; everything that changes lives
    // behind `state`'s lock.
    public let identifier: String
    private let command: String
    private let process: Process
    private let input: LineWriter
    private let shared = Shared()

    /// What the model and its two reader threads share; the threads hold this, not the model, so that dropping the
    /// model closes the program's input and ends it.
    private final class Shared: Sendable {
        let state = Mutex(State())
        /// Signalled when the program's standard error is at its end, so the exit message holds its last words
        /// even when the exit is seen first.
        let errorsRead = DispatchSemaphore(value: 0)
    }

    private struct State {
        var nextID = 0
        var waiting: [String: CheckedContinuation<CommandWire.Reply?, Never>] = [:]
        var exited: String?
        var stderrTail: [UInt8] = []
    }

    public init(identifier: String, executable: String, arguments: [String] = []) throws(ModelError) {
        // A program that dies while a request is being written to it must fail that request, not end the harness.
        signal(SIGPIPE, SIG_IGN)
        self.identifier = identifier
        command = ([executable] + arguments).joined(separator: " ")
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw ModelError(.unreachable, source: command, "cannot start the command: \(error.localizedDescription)")
        }
        input = LineWriter(stdin.fileHandleForWriting, label: "crucible.command-model.input")
        let output = stdout.fileHandleForReading
        let errors = stderr.fileHandleForReading
        let shared = shared
        let process = process
        Thread { Self.readReplies(output, shared: shared, process: process) }.start()
        Thread { Self.readErrors(errors, shared: shared) }.start()
    }

    deinit {
        input.close()
        if process.isRunning { process.terminate() }
    }

    public func complete(_ request: GenerationRequest) async throws(ModelError) -> [Completion] {
        let started = Date()
        let id = shared.state.withLock { state in
            defer { state.nextID += 1 }
            return String(state.nextID)
        }
        var line = CommandWire.request(request, id: id)
        line.append(UInt8(ascii: "\n"))
        let reply: CommandWire.Reply? = await withCheckedContinuation { continuation in
            let exited = shared.state.withLock { state -> String? in
                if state.exited == nil { state.waiting[id] = continuation }
                return state.exited
            }
            if exited != nil {
                continuation.resume(returning: nil)
                return
            }
            // A write that fails because the program exited is not reported: the reader thread sees the exit and
            // answers every waiting request.
            input.send(line)
        }
        guard let reply else {
            let reason = shared.state.withLock { $0.exited } ?? "exited"
            throw ModelError(.unreachable, source: command, "the command \(reason)")
        }
        if let error = reply.error {
            throw ModelError(.rejected, source: command, "the command answered request \(request.id): \(error)")
        }
        guard let texts = reply.completions, texts.count == request.parameters.n else {
            throw ModelError(
                .badResponse, source: command,
                "the answer to request \(request.id) does not hold \(request.parameters.n) completions")
        }
        let seconds = Date().timeIntervalSince(started)
        let promptTokens = reply.promptTokens
        let completionTokens = reply.completionTokens
        return texts.map {
            Completion(
                text: $0, promptTokens: promptTokens, completionTokens: texts.count == 1 ? completionTokens : nil,
                seconds: seconds)
        }
    }

    private static func readReplies(_ output: FileHandle, shared: Shared, process: Process) {
        var buffer: [UInt8] = []
        while true {
            let chunk = output.availableData
            if chunk.isEmpty { break }
            buffer.append(contentsOf: chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                guard let (id, reply) = CommandWire.reply(line) else { continue }
                let continuation = shared.state.withLock { $0.waiting.removeValue(forKey: id) }
                continuation?.resume(returning: reply)
            }
        }
        process.waitUntilExit()
        _ = shared.errorsRead.wait(timeout: .now() + 2)
        let waiting = shared.state.withLock { state in
            let tail = String(decoding: state.stderrTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            state.exited =
                "exited with status \(process.terminationStatus)"
                + (tail.isEmpty ? "" : "; its last error output: \(tail)")
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in waiting { continuation.resume(returning: nil) }
    }

    private static func readErrors(_ errors: FileHandle, shared: Shared) {
        while true {
            let chunk = errors.availableData
            if chunk.isEmpty {
                shared.errorsRead.signal()
                return
            }
            shared.state.withLock { state in
                state.stderrTail.append(contentsOf: chunk)
                if state.stderrTail.count > 2_000 { state.stderrTail.removeFirst(state.stderrTail.count - 2_000) }
            }
        }
    }
}

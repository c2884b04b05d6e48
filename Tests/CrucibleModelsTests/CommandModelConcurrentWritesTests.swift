import CrucibleModels
import Foundation
import Testing

/// Requests in flight at once must reach the program as whole lines even when it reads slower than they are sent:
/// a line larger than the pipe's atomic size (4 KiB) written while the pipe is full is split by the kernel, and
/// another request's bytes must not land between the pieces.
@Suite("An external command as the model, with requests in flight at once")
struct CommandModelConcurrentWritesTests {
    static let concurrentRequests = 8
    static let rounds = 4
    /// 20 bytes each, so a prompt is about 20 KB: Spider prompts with their schemas are this large.
    static let markerRepeats = 1_000

    /// Reads standard input in small pieces with pauses, so the pipe stays full while requests are written. A line
    /// that is not JSON means requests were interleaved: the script says so and exits, which fails every request in
    /// flight. A prompt other than the one its request was built with gets an error answer naming the request.
    static let script = #"""
        import json, os, sys, time
        buffer = b""
        lines = 0
        while True:
            chunk = os.read(0, 1024)
            if not chunk:
                break
            buffer += chunk
            time.sleep(0.002)
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                lines += 1
                try:
                    request = json.loads(line)
                except ValueError:
                    sys.stderr.write(f"line {lines} is not JSON ({len(line)} bytes): {line[:60]!r}...\n")
                    sys.stderr.flush()
                    sys.exit(4)
                rid = request["request_id"]
                text = request["prompt"]["text"]
                if text == f"[{rid}] prompt text " * 1000:
                    answer = {"id": request["id"], "completions": [f"{rid} intact, {len(text)} characters"]}
                else:
                    answer = {"id": request["id"], "error": f"the prompt of {rid} is not the one sent"}
                print(json.dumps(answer), flush=True)
        """#

    static func prompt(_ requestID: String) -> String {
        String(repeating: "[\(requestID)] prompt text ", count: markerRepeats)
    }

    func model() throws -> CommandModel {
        let path = NSTemporaryDirectory() + "crucible-command-model-slow-\(UUID().uuidString).py"
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        return try CommandModel(identifier: "command:slow-reader", executable: "/usr/bin/python3", arguments: [path])
    }

    // Generous: in the full suite other tests may hold the concurrency pool for minutes; the old code fails at once.
    @Test(.timeLimit(.minutes(10)))
    func concurrentLargePromptsReachASlowReaderWhole() async throws {
        let model = try model()
        var wrong: [String] = []
        for round in 0..<Self.rounds {
            let answers = await withTaskGroup(of: (String, String).self) { group in
                for index in 0..<Self.concurrentRequests {
                    let id = "r\(round)-q\(index)"
                    group.addTask {
                        let request = GenerationRequest(
                            id: id, taskID: "Spider/\(index)", prompt: .text(Self.prompt(id)))
                        do {
                            return (id, try await model.complete(request).map(\.text).joined())
                        } catch {
                            return (id, "\(error)")
                        }
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for (id, answer) in answers.sorted(by: { $0.key < $1.key })
            where answer != "\(id) intact, \(Self.prompt(id).count) characters" {
                wrong.append("\(id): \(answer)")
            }
        }
        // The count, and only the first wrong answers: 32 long error messages would bury the failure.
        #expect(wrong.count == 0, "of \(Self.rounds * Self.concurrentRequests) requests; the first: \(wrong.prefix(2))")
    }
}

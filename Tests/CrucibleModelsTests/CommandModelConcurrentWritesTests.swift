import CrucibleModels
import Foundation
import Testing

/// Requests larger than a pipe's atomic write (4 KiB) sent to a program that reads slowly, many at once: each must
/// arrive whole, never interleaved with another.
@Suite("An external command as the model: large requests in flight at once")
struct CommandModelConcurrentWritesTests {
    /// Reads its standard input in small pieces with pauses (so the pipe fills and writes block part-way), and
    /// answers each line with the length and the marker of the prompt it received, or an error if the line is not
    /// one intact request.
    static let script = #"""
        import json, os, sys, time
        buffer = b""
        while True:
            chunk = os.read(0, 1024)
            if not chunk:
                break
            buffer += chunk
            time.sleep(0.002)
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                try:
                    request = json.loads(line)
                except Exception as error:
                    print(json.dumps({"id": "?", "error": "corrupt line"}), flush=True)
                    continue
                text = request["prompt"]["text"]
                marker = text[:12]
                intact = text == marker * (len(text) // len(marker))
                answer = {"id": request["id"], "completions": [f"{marker}:{len(text)}:{intact}"]}
                print(json.dumps(answer), flush=True)
        """#

    // On a corrupted line the program cannot tell which request it was, so that request waits for ever: the time
    // limit turns the hang into a failure.
    @Test(.timeLimit(.minutes(1))) func eightRequestsOfTwentyKilobytesInFlightArriveIntact() async throws {
        let path = NSTemporaryDirectory() + "crucible-slow-reader-\(UUID().uuidString).py"
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try CommandModel(
            identifier: "command:slow-reader", executable: "/usr/bin/python3", arguments: [path])
        for round in 0..<3 {
            let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<8 {
                    // 12 characters, repeated to 20,004 characters: any foreign bytes break the repetition.
                    let marker = String(format: "request-%03d|", round * 8 + index)
                    let prompt = String(repeating: marker, count: 1_667)
                    group.addTask {
                        let completions = try await model.complete(
                            GenerationRequest(id: "\(index)", taskID: "\(index)", prompt: .text(prompt)))
                        return (index, completions.first?.text ?? "")
                    }
                }
                var collected: [Int: String] = [:]
                for try await (index, text) in group { collected[index] = text }
                return collected
            }
            for index in 0..<8 {
                let marker = String(format: "request-%03d|", round * 8 + index)
                #expect(answers[index] == "\(marker):20004:True", "round \(round), request \(index)")
            }
        }
    }
}

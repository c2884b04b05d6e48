import CrucibleModels
import Foundation
import Testing

/// The command backend with a real external program: a small Python script standing in for a local model.
@Suite("An external command as the model")
struct CommandModelTests {
    /// Answers each request with its own fields; "fail" in the prompt gets an error answer, "die" makes it exit 3
    /// after writing to standard error; "slow" answers after the next request (so answers come out of order).
    static let script = #"""
        import json, sys
        held = None
        for line in sys.stdin:
            request = json.loads(line)
            text = request["prompt"].get("text") or request["prompt"]["messages"][-1]["content"]
            if "die" in text:
                sys.stderr.write("out of memory on the GPU\n")
                sys.stderr.flush()
                sys.exit(3)
            if "fail" in text:
                answer = {"id": request["id"], "error": "prompt too long"}
            else:
                answer = {"id": request["id"], "prompt_tokens": 5, "completions": [
                    json.dumps({"text": text, "sample": request["first_sample"] + i,
                                "temperature": request.get("temperature"), "task": request["task_id"]})
                    for i in range(request["n"])]}
            if "slow" in text and held is None:
                held = answer
                continue
            print(json.dumps(answer), flush=True)
            if held is not None:
                print(json.dumps(held), flush=True)
                held = None
        """#

    func model() throws -> CommandModel {
        let path = NSTemporaryDirectory() + "crucible-command-model-\(UUID().uuidString).py"
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        return try CommandModel(identifier: "command:stand-in", executable: "/usr/bin/python3", arguments: [path])
    }

    func decoded(_ completions: [Completion]) -> [[String: Any]] {
        completions.compactMap { try? JSONSerialization.jsonObject(with: Data($0.text.utf8)) as? [String: Any] }
    }

    @Test func requestsAndAnswersMatchByIdEvenOutOfOrder() async throws {
        let model = try model()
        async let slow = model.complete(
            GenerationRequest(
                id: "a", taskID: "HumanEval/1", prompt: .text("slow one"),
                parameters: SamplingParameters(n: 2, temperature: 0.8), firstSample: 3))
        try await Task.sleep(nanoseconds: 200_000_000)
        async let quick = model.complete(
            GenerationRequest(id: "b", taskID: "HumanEval/2", prompt: .chat([.user("quick one")])))
        let (first, second) = try await (slow, quick)
        let slowAnswers = decoded(first)
        #expect(slowAnswers.map { $0["sample"] as? Int } == [3, 4])
        #expect(slowAnswers.first?["text"] as? String == "slow one")
        #expect(slowAnswers.first?["temperature"] as? Double == 0.8)
        #expect(slowAnswers.first?["task"] as? String == "HumanEval/1")
        #expect(decoded(second).first?["text"] as? String == "quick one")
        #expect(first.first?.promptTokens == 5)
    }

    @Test func anErrorAnswerNamesTheRequest() async throws {
        let model = try model()
        await #expect {
            _ = try await model.complete(GenerationRequest(id: "t7", taskID: "7", prompt: .text("please fail")))
        } throws: { error in
            guard let error = error as? ModelError else { return false }
            return error.code == .rejected && error.message.contains("t7") && error.message.contains("prompt too long")
        }
    }

    @Test func aCommandThatDiesFailsEveryRequestWithItsStatusAndLastWords() async throws {
        let model = try model()
        await #expect {
            _ = try await model.complete(GenerationRequest(id: "x", taskID: "1", prompt: .text("now die")))
        } throws: { error in
            guard let error = error as? ModelError else { return false }
            return error.code == .unreachable && error.message.contains("status 3")
                && error.message.contains("out of memory on the GPU")
        }
        await #expect {
            _ = try await model.complete(GenerationRequest(id: "y", taskID: "2", prompt: .text("after")))
        } throws: { error in
            (error as? ModelError)?.code == .unreachable
        }
    }

    @Test func aMissingProgramIsAClearError() {
        #expect {
            _ = try CommandModel(identifier: "command:none", executable: "/nonexistent/model-server")
        } throws: { error in
            guard let error = error as? ModelError else { return false }
            return error.code == .unreachable && error.source.contains("/nonexistent/model-server")
        }
    }
}

import CrucibleModels
import Testing

@Suite("Recorded completions played back")
struct ReplayModelTests {
    let model = ReplayModel(
        identifier: "replay:dail-sql", recorded: ["1": ["a", "b", "c"], "2": ["x"]], source: "answers.jsonl")

    @Test func samplesComeBackInOrderFromTheFirstAskedFor() async throws {
        let all = try await model.complete(
            GenerationRequest(id: "1", taskID: "1", prompt: .text("q"), parameters: SamplingParameters(n: 3)))
        #expect(all.map(\.text) == ["a", "b", "c"])
        let rest = try await model.complete(
            GenerationRequest(
                id: "1", taskID: "1", prompt: .text("q"), parameters: SamplingParameters(n: 2), firstSample: 1))
        #expect(rest.map(\.text) == ["b", "c"])
    }

    @Test func askingForMoreThanWasRecordedNamesTheTask() async {
        await #expect {
            _ = try await model.complete(
                GenerationRequest(id: "2", taskID: "2", prompt: .text("q"), parameters: SamplingParameters(n: 2)))
        } throws: { error in
            guard let error = error as? ModelError else { return false }
            return error.code == .notRecorded && error.message.contains("task 2") && error.message.contains("sample 1")
                && error.source == "answers.jsonl"
        }
        await #expect {
            _ = try await model.complete(GenerationRequest(id: "3", taskID: "3", prompt: .text("q")))
        } throws: { error in
            (error as? ModelError)?.message.contains("task 3") == true
        }
    }
}

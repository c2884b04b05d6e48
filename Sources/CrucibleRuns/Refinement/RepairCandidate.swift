import CrucibleCore

/// A failing (or, with `--refine-passing`, a passing) sample's latest candidate: what a repair request is built
/// from.
struct RepairCandidate: Sendable {
    var generation: StoredGeneration
    var execution: StoredExecution

    var taskID: TaskID { generation.taskID }
    var sample: Int { generation.sample }
    var round: Int { generation.round }
}

public import CrucibleCore
import Foundation

extension RunStore {
    /// Tasks the run holds but never asks for (text-to-SQL tasks without a database), kept under the run value
    /// `unavailable_tasks` as a JSON array of ids, so a merge knows they are not unfinished work.
    public func unavailableTasks() throws(RunStoreError) -> Set<TaskID> {
        guard let json = try value(for: "unavailable_tasks"),
            let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        else { return [] }
        return Set(list.map { TaskID($0) })
    }

    public func setUnavailableTasks(_ ids: Set<TaskID>) throws(RunStoreError) {
        let json = (try? JSONSerialization.data(withJSONObject: ids.sorted().map(\.rawValue))).map {
            String(decoding: $0, as: UTF8.self)
        }
        try setValue(json ?? "[]", for: "unavailable_tasks")
    }
}

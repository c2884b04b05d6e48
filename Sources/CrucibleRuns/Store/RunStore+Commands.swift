import Foundation

extension RunStore {
    /// The command lines that worked on this run (started, resumed, refined), in order, kept under the run value
    /// `commands` as a JSON array, so a report can say exactly how the result was made.
    public func commands() throws(RunStoreError) -> [String] {
        guard let json = try value(for: "commands"),
            let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        else { return [] }
        return list
    }

    /// Adds a command line, unless it is the last one recorded (a resumed run repeats its command).
    public func appendCommand(_ command: String) throws(RunStoreError) {
        var list = try commands()
        guard list.last != command else { return }
        list.append(command)
        let json = (try? JSONSerialization.data(withJSONObject: list, options: [.withoutEscapingSlashes])).map {
            String(decoding: $0, as: UTF8.self)
        }
        try setValue(json ?? "[]", for: "commands")
    }
}

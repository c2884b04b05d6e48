import CruciblePython
import Foundation

/// The environment record of a merged run: the shards' own, which may come from different machines. One record
/// when all agree; otherwise each shard's, under its directory. Python verdicts depend on the interpreter and
/// libraries, so shards that ran with different ones are refused.
enum MergedEnvironment {
    static func record(from stores: [RunStore], shards: [String], into merged: RunStore) throws {
        let environments = try stores.map { try $0.value(for: "environment") }
        let present = environments.compactMap { $0 }
        if let first = present.first {
            if present.allSatisfy({ $0 == first }) {
                try merged.setValue(first, for: "environment")
            } else {
                let object = Dictionary(
                    zip(shards, environments).compactMap { directory, json in
                        json.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }.map { (directory, $0) }
                    },
                    uniquingKeysWith: { first, _ in first })
                let data = try JSONSerialization.data(withJSONObject: ["shards": object], options: [.sortedKeys])
                try merged.setValue(String(decoding: data, as: UTF8.self), for: "environment")
            }
        }
        let workers = zip(shards, stores.map { $0.workerEnvironment() }).compactMap { directory, environment in
            environment.map { (directory, $0) }
        }
        guard let (firstShard, first) = workers.first else { return }
        if let (other, different) = workers.first(where: {
            $0.1.python != first.python || $0.1.libraries != first.libraries
        }) {
            throw RunError(
                .input,
                "\(other) ran Python \(different.python) with other libraries than \(firstShard) (\(first.python)); "
                    + "verdicts from different environments cannot be merged into one run")
        }
        try merged.setWorkerEnvironment(first)
    }
}

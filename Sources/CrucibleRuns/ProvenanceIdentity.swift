import CrucibleCore

extension SQLScoreOutput.Provenance {
    /// The summary fields that identify the data and the model line (absent when unknown).
    var identityFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if let parentVersion { fields.append(("parent_version", .string(parentVersion))) }
        if !commands.isEmpty { fields.append(("commands", .array(commands.map(JSONValue.string)))) }
        if let harness {
            fields.append(("crucible_version", .string(harness.version)))
            fields.append(("crucible_commit", harness.commit.map(JSONValue.string) ?? .null))
            fields.append(("crucible_modified", harness.modified.map(JSONValue.bool) ?? .null))
        }
        if let datasetSHA256 { fields.append(("dataset_sha256", .string(datasetSHA256))) }
        if let goldSHA256 { fields.append(("gold_sha256", .string(goldSHA256))) }
        if let databasesSHA256 {
            fields.append(
                (
                    "databases_sha256",
                    .object(databasesSHA256.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
                ))
        }
        return fields
    }

    /// The identity a run's stored configuration records.
    mutating func identify(_ configuration: RunConfiguration) {
        datasetSHA256 = configuration.datasetSHA256
        databasesSHA256 = configuration.sql?.databasesSHA256
        parentVersion = configuration.parentVersion
    }
}

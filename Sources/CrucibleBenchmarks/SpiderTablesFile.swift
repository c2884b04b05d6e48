import CrucibleSQL

/// Spider's `tables.json`: one schema per db_id, with the original table and column names.
enum SpiderTablesFile {
    private struct Entry: Decodable {
        var db_id: String
        var table_names_original: [String]
        var column_names_original: [ColumnName]
    }

    /// `[table_index, "column"]`, where index -1 is the `*` pseudo-column.
    private struct ColumnName: Decodable {
        var table: Int
        var name: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            table = try container.decode(Int.self)
            name = try container.decode(String.self)
        }
    }

    static func load(_ path: String) throws(DatasetError) -> [String: SpiderSchema] {
        let entries = try JSONFile.decode([Entry].self, at: path)
        var schemas: [String: SpiderSchema] = [:]
        for entry in entries {
            var tables: [String: [String]] = [:]
            for name in entry.table_names_original { tables[name] = [] }
            for column in entry.column_names_original where entry.table_names_original.indices.contains(column.table) {
                tables[entry.table_names_original[column.table], default: []].append(column.name)
            }
            schemas[entry.db_id] = SpiderSchema(tables: tables)
        }
        return schemas
    }
}

import CrucibleSQL
import CrucibleTestSupport
import Foundation
import Testing

/// Checks the Swift parser and hardness against the official parse trees shipped in Spider's `dev.json`.
///
/// The trees were produced by the official `process_sql.py`; their hardness is recomputed here by an independent
/// transcription of the official counting rules, so the parser is checked against the official parser's output
/// rather than against itself.
@Suite("Spider hardness on the real dev set", SharedDatasets.required)
struct SpiderHardnessTests {
    /// The official split of the 1034 dev questions.
    static let officialDistribution: [SpiderHardness: Int] = [.easy: 248, .medium: 446, .hard: 174, .extra: 166]

    @Test("The official dev trees give the published hardness split")
    func treesGiveOfficialDistribution() throws {
        let data = try SpiderDevData.load()
        #expect(data.entries.count == 1034)
        var distribution: [SpiderHardness: Int] = [:]
        for entry in data.entries {
            distribution[OfficialTreeRules.hardness(of: entry.sql), default: 0] += 1
        }
        #expect(distribution == Self.officialDistribution)
    }

    @Test("Parsing every dev query gives the hardness of its official tree")
    func parserAgreesWithOfficialTrees() throws {
        let data = try SpiderDevData.load()
        var agreed = 0
        var componentsAgreed = 0
        var distribution: [SpiderHardness: Int] = [:]
        var mismatches: [String] = []
        for (index, entry) in data.entries.enumerated() {
            let expected = OfficialTreeRules.hardness(of: entry.sql)
            let expectedComponents = OfficialTreeRules.components(of: entry.sql)
            guard let schema = data.schemas[entry.dbID] else {
                mismatches.append("#\(index) [\(entry.dbID)] no schema in tables.json")
                continue
            }
            do {
                let parsed = try SpiderSQL.parse(entry.query, schema: schema)
                let hardness = SpiderHardness(sql: parsed)
                distribution[hardness, default: 0] += 1
                if SpiderHardnessComponents(sql: parsed) == expectedComponents { componentsAgreed += 1 }
                if hardness == expected {
                    agreed += 1
                } else {
                    mismatches.append("#\(index) \(entry.query): parser \(hardness), official tree \(expected)")
                }
            } catch {
                mismatches.append("#\(index) \(entry.query): parse failed (\(error)), official tree \(expected)")
            }
        }
        print("Spider dev hardness agreement: \(agreed)/\(data.entries.count), components \(componentsAgreed)")
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
        #expect(agreed == 1034)
        #expect(componentsAgreed == 1034)
        #expect(distribution == Self.officialDistribution)
    }
}

/// The official counting rules (`count_component1`, `count_component2`, `count_others`, `eval_hardness`), applied to
/// an official parse tree with Python's semantics for the comparisons the rules make.
enum OfficialTreeRules {
    static func hardness(of sql: JSONTree) -> SpiderHardness {
        let counts = components(of: sql)
        let (c1, c2, others) = (counts.component1, counts.component2, counts.others)
        if c1 <= 1 && others == 0 && c2 == 0 { return .easy }
        if (others <= 2 && c1 <= 1 && c2 == 0) || (c1 <= 2 && others < 2 && c2 == 0) { return .medium }
        if (others > 2 && c1 <= 2 && c2 == 0) || (2 < c1 && c1 <= 3 && others <= 2 && c2 == 0)
            || (c1 <= 1 && others == 0 && c2 <= 1)
        {
            return .hard
        }
        return .extra
    }

    static func components(of sql: JSONTree) -> SpiderHardnessComponents {
        SpiderHardnessComponents(component1: component1(sql), component2: component2(sql), others: others(sql))
    }

    private static func conditions(_ sql: JSONTree) -> [[JSONTree]] {
        [sql["from"]["conds"].list, sql["where"].list, sql["having"].list]
    }

    private static func component1(_ sql: JSONTree) -> Int {
        var count = 0
        if !sql["where"].list.isEmpty { count += 1 }
        if !sql["groupBy"].list.isEmpty { count += 1 }
        if !sql["orderBy"].list.isEmpty { count += 1 }
        if !sql["limit"].isNull { count += 1 }
        let tableUnits = sql["from"]["table_units"].list
        if !tableUnits.isEmpty { count += tableUnits.count - 1 }
        let connectors = conditions(sql).flatMap { odd($0) }
        count += connectors.filter { $0 == .string("or") }.count
        let units = conditions(sql).flatMap { even($0) }
        count += units.filter { $0.item(1) == .number(9) }.count
        return count
    }

    private static func component2(_ sql: JSONTree) -> Int {
        var nested = 0
        for unit in conditions(sql).flatMap({ even($0) }) {
            if unit.item(3).isObject { nested += 1 }
            if unit.item(4).isObject { nested += 1 }
        }
        for key in ["intersect", "except", "union"] where !sql[key].isNull { nested += 1 }
        return nested
    }

    private static func others(_ sql: JSONTree) -> Int {
        var aggregations = countAgg(sql["select"].item(1).list)
        aggregations += countAgg(even(sql["where"].list))
        aggregations += countAgg(sql["groupBy"].list)
        let orderBy = sql["orderBy"].list
        if !orderBy.isEmpty {
            let units = orderBy[1].list
            aggregations += countAgg(
                units.map { $0.item(1) }.filter(\.isTruthy) + units.map { $0.item(2) }.filter(\.isTruthy))
        }
        aggregations += countAgg(sql["having"].list)
        var count = 0
        if aggregations > 1 { count += 1 }
        if sql["select"].item(1).list.count > 1 { count += 1 }
        if sql["where"].list.count > 1 { count += 1 }
        if sql["groupBy"].list.count > 1 { count += 1 }
        return count
    }

    /// `has_agg`: `unit[0] != 0`, where `unit[0]` may be an aggregation id, a NOT flag (`False != 0` is false), or
    /// the first letter of a connector string (never equal to 0).
    private static func countAgg(_ units: [JSONTree]) -> Int {
        units.filter { unit in
            switch unit.item(0) {
            case .bool(let flag): flag
            case .number(let value): value != 0
            default: true
            }
        }.count
    }

    private static func even(_ list: [JSONTree]) -> [JSONTree] {
        list.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
    }

    private static func odd(_ list: [JSONTree]) -> [JSONTree] {
        list.enumerated().filter { !$0.offset.isMultiple(of: 2) }.map(\.element)
    }
}

/// Any JSON value, so the official trees (tuples encoded as heterogeneous arrays) can be walked as Python walks them.
enum JSONTree: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([JSONTree].self) {
            self = .array(list)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    subscript(key: String) -> JSONTree {
        if case .object(let fields) = self { return fields[key] ?? .null }
        return .null
    }

    /// Python's `value[index]` for the lists and strings the rules index into; `.null` when out of range.
    func item(_ index: Int) -> JSONTree {
        switch self {
        case .array(let list): return index < list.count ? list[index] : .null
        case .string(let text):
            let characters = Array(text)
            return index < characters.count ? .string(String(characters[index])) : .null
        default: return .null
        }
    }

    var list: [JSONTree] {
        if case .array(let list) = self { return list }
        return []
    }

    var isNull: Bool { self == .null }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// Python truthiness, for the `if unit[1]` filters.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .number(let value): value != 0
        case .string(let text): !text.isEmpty
        case .array(let list): !list.isEmpty
        case .object(let fields): !fields.isEmpty
        }
    }
}

/// Spider's dev questions and the schemas of their databases, read from `../shared/datasets/spider`.
struct SpiderDevData {
    struct Entry: Decodable {
        let dbID: String
        let query: String
        let sql: JSONTree

        enum CodingKeys: String, CodingKey {
            case dbID = "db_id"
            case query
            case sql
        }
    }

    struct TableFile: Decodable {
        let dbID: String
        let tableNamesOriginal: [String]
        let columnNamesOriginal: [JSONTree]

        enum CodingKeys: String, CodingKey {
            case dbID = "db_id"
            case tableNamesOriginal = "table_names_original"
            case columnNamesOriginal = "column_names_original"
        }

        /// The schema the official evaluator would read from the database: each table with its columns.
        var schema: SpiderSchema {
            var tables: [String: [String]] = [:]
            for name in tableNamesOriginal { tables[name] = [] }
            for column in columnNamesOriginal {
                guard case .number(let tableIndex) = column.item(0), tableIndex >= 0,
                    case .string(let name) = column.item(1)
                else { continue }
                tables[tableNamesOriginal[Int(tableIndex)], default: []].append(name)
            }
            return SpiderSchema(tables: tables)
        }
    }

    let entries: [Entry]
    let schemas: [String: SpiderSchema]

    /// Package root (three levels above this file) joined with `../shared/datasets/spider`.
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/datasets/spider").standardizedFileURL
    }

    /// Reads the data, failing (never skipping) when it is missing.
    static func load() throws -> SpiderDevData {
        let dev = directory.appendingPathComponent("dev.json")
        let tables = directory.appendingPathComponent("tables.json")
        try #require(FileManager.default.fileExists(atPath: dev.path), "Spider dev.json missing at \(dev.path)")
        try #require(
            FileManager.default.fileExists(atPath: tables.path), "Spider tables.json missing at \(tables.path)")
        let decoder = JSONDecoder()
        let entries = try decoder.decode([Entry].self, from: Data(contentsOf: dev))
        let tableFiles = try decoder.decode([TableFile].self, from: Data(contentsOf: tables))
        var schemas: [String: SpiderSchema] = [:]
        for file in tableFiles { schemas[file.dbID] = file.schema }
        return SpiderDevData(entries: entries, schemas: schemas)
    }
}

import CrucibleSQL
import Foundation
import Testing

struct SpiderDifferentialScratch {
    struct Case: Decodable {
        let db_id: String
        let query: String
        let expected: JSONTree
    }

    @Test func differential() throws {
        guard let path = ProcessInfo.processInfo.environment["SPIDER_DIFF"] else { return }
        let data = try SpiderDevData.load()
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        var bad: [String] = []
        for c in cases {
            let schema = data.schemas[c.db_id]!
            let got: String
            do {
                let sql = try SpiderSQL.parse(c.query, schema: schema)
                let k = SpiderHardnessComponents(sql: sql)
                got = "\(k.component1),\(k.component2),\(k.others),\(SpiderHardness(sql: sql).rawValue)"
            } catch {
                got = "ERR"
            }
            let want: String
            switch c.expected {
            case .string(let s): want = s
            case .array(let l):
                want = l.map { v -> String in
                    switch v {
                    case .number(let n): return String(Int(n))
                    case .string(let s): return s
                    default: return "?"
                    }
                }.joined(separator: ",")
            default: want = "?"
            }
            if want == "HARDNESS_CRASH" || want == "TIMEOUT" { continue }
            if got != want { bad.append("\(c.db_id) | \(c.query) | want \(want) got \(got)") }
        }
        print("DIFF cases \(cases.count) mismatches \(bad.count)")
        for b in bad.prefix(40) { print("DIFF", b) }
    }
}

struct SpiderTokenScratch {
    struct Case: Decodable {
        let text: String
        let tokens: JSONTree
    }

    @Test func tokens() throws {
        guard let path = ProcessInfo.processInfo.environment["SPIDER_TOK"] else { return }
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        var bad = 0
        for c in cases {
            let want: [String]?
            if case .array(let l) = c.tokens {
                want = l.map { if case .string(let s) = $0 { return s } else { return "?" } }
            } else {
                want = nil
            }
            let got = try? SpiderSQLTokenizer.tokenize(c.text)
            if got != want {
                bad += 1
                if bad < 30 { print("TOK \(c.text.debugDescription) want \(String(describing: want)) got \(String(describing: got))") }
            }
        }
        print("TOK cases \(cases.count) mismatches \(bad)")
    }
}

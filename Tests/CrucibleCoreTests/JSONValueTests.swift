import CrucibleCore
import Foundation
import Testing

@Suite("JSON writing")
struct JSONValueTests {
    @Test func keysKeepTheirOrderAndTextIsEscaped() throws {
        let value = JSONValue.object([
            ("task_id", .number(3)), ("sql", .string("SELECT \"a\"\n\t\u{1}")), ("score", .number(0.25)),
            ("passed", .null), ("list", .array([.bool(true)])),
        ])
        let text = value.serialized()
        #expect(
            text == #"{"task_id": 3, "sql": "SELECT \"a\"\n\t\u0001", "score": 0.25, "passed": null, "list": [true]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized(pretty: true).utf8)) as? [String: Any]
        #expect(parsed?["sql"] as? String == "SELECT \"a\"\n\t\u{1}")
    }
}

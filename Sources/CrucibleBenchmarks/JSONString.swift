import CrucibleCore

/// String literals that both JSON and Python read as the same text.
enum JSONString {
    static func literal(_ text: String) -> String {
        JSONValue.string(text).serialized()
    }
}

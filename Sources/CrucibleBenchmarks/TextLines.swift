import Foundation

/// Splits a text file into lines the way Python's text mode reads them (`\n`, `\r\n` and `\r` all end a line),
/// which is how the official evaluators read prediction and gold files.
enum TextLines {
    static func read(_ path: String) throws(DatasetError) -> [String] {
        let bytes = try JSONFile.data(at: path)
        return split(String(decoding: bytes, as: UTF8.self))
    }

    static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// Python's `str.strip()`: removes leading and trailing white space.
    static func strip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

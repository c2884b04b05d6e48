/// Python's textual forms of floats and bytes.
///
/// Spider's evaluator sorts the values inside each row by `str(x) + str(type(x))` before its first comparison, so
/// reproducing its verdicts needs Python's exact spelling of every value.
enum PythonRepr {
    /// `repr(float)`: the shortest round-trip digits, fixed notation for decimal exponents in [-4, 16), otherwise
    /// scientific with a sign and at least two exponent digits. Swift's `description` follows the same algorithm
    /// and formatting thresholds; only the special values are spelled differently.
    static func float(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    /// `repr(bytes)`: `b'...'`, double quotes only when the bytes hold a single quote and no double quote.
    static func bytes(_ value: [UInt8]) -> String {
        let singleQuote = UInt8(ascii: "'")
        let doubleQuote = UInt8(ascii: "\"")
        let quote = value.contains(singleQuote) && !value.contains(doubleQuote) ? doubleQuote : singleQuote
        var out = "b"
        out.unicodeScalars.append(Unicode.Scalar(quote))
        for byte in value {
            switch byte {
            case quote, UInt8(ascii: "\\"):
                out += "\\" + String(Unicode.Scalar(byte))
            case UInt8(ascii: "\t"): out += "\\t"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        out.unicodeScalars.append(Unicode.Scalar(quote))
        return out
    }
}

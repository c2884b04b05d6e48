/// A JSON value whose objects keep their key order, so written files read in a sensible order
/// (`task_id` first) and are byte-for-byte reproducible.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// The JSON text; `pretty` indents objects and arrays by two spaces.
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text to a byte buffer (how large files are written without intermediate strings).
    public func write(into out: inout [UInt8], pretty: Bool = false) {
        write(into: &out, pretty: pretty, indent: 0)
    }

    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): out.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.escape(value, into: &out)
        case .array(let values):
            writeContainer(
                values.map { (nil, $0) }, open: 0x5B, close: 0x5D, into: &out, pretty: pretty, indent: indent)
        case .object(let pairs):
            writeContainer(
                pairs.map { ($0.0, $0.1) }, open: 0x7B, close: 0x7D, into: &out, pretty: pretty, indent: indent)
        }
    }

    private func writeContainer(
        _ items: [(String?, JSONValue)], open: UInt8, close: UInt8, into out: inout [UInt8], pretty: Bool,
        indent: Int
    ) {
        out.append(open)
        guard !items.isEmpty else {
            out.append(close)
            return
        }
        for (offset, item) in items.enumerated() {
            if offset > 0 { out.append(contentsOf: pretty ? [0x2C] : [0x2C, 0x20]) }
            if pretty {
                out.append(0x0A)
                out.append(contentsOf: repeatElement(0x20, count: (indent + 1) * 2))
            }
            if let key = item.0 {
                Self.escape(key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
            }
            item.1.write(into: &out, pretty: pretty, indent: indent + 1)
        }
        if pretty {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: indent * 2))
        }
        out.append(close)
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array(String(byte, radix: 16).utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30] + (hex.count == 1 ? [0x30] : []) + hex)
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}

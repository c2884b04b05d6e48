/// A GitHub-flavoured markdown table.
public struct MarkdownTable: Sendable {
    public enum Alignment: Sendable {
        case left, right
    }

    public var headers: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table text; pipes inside cells are escaped so a cell can never break the layout.
    public var rendered: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingPipes() }.joined(separator: " | ") + " |"
        }
        let rule = "|" + alignments.map { $0 == .left ? ":---|" : "---:|" }.joined()
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        var out = ""
        for character in self {
            switch character {
            case "|": out += "\\|"
            case "\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}

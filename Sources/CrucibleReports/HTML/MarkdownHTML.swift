import Foundation

/// The markdown Crucible writes (headings, paragraphs, lists, tables, quotes, code, images) as HTML, so the HTML view
/// shows exactly the tables of report.md. Images named in `inline` are replaced by their SVG text, which keeps the
/// page self-contained.
enum MarkdownHTML {
    static func render(_ markdown: String, inline: [String: String] = [:]) -> String {
        var out = ""
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { out += "<p>" + paragraph.map(inlineHTML).joined(separator: " ") + "</p>\n" }
            paragraph = []
        }
        while let line = lines.first {
            lines = lines.dropFirst()
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
            } else if trimmed.hasPrefix("```") {
                flush()
                var code: [String] = []
                while let next = lines.first, !next.hasPrefix("```") {
                    code.append(next)
                    lines = lines.dropFirst()
                }
                lines = lines.dropFirst()
                out += "<pre><code>" + escape(code.joined(separator: "\n")) + "</code></pre>\n"
            } else if let level = heading(trimmed) {
                flush()
                out +=
                    "<h\(level)>" + inlineHTML(String(trimmed.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces))
                out += "</h\(level)>\n"
            } else if trimmed.hasPrefix("|") {
                flush()
                var rows = [trimmed]
                while let next = lines.first, next.hasPrefix("|") {
                    rows.append(next)
                    lines = lines.dropFirst()
                }
                out += table(rows)
            } else if trimmed.hasPrefix("- ") {
                flush()
                var items = [String(trimmed.dropFirst(2))]
                while let next = lines.first, next.hasPrefix("- ") || next.hasPrefix("  - ") {
                    items.append(next.trimmingCharacters(in: .whitespaces).dropFirst(2).description)
                    lines = lines.dropFirst()
                }
                out += "<ul>" + items.map { "<li>" + inlineHTML($0) + "</li>" }.joined() + "</ul>\n"
            } else if trimmed.hasPrefix("> ") {
                flush()
                out += "<blockquote>" + inlineHTML(String(trimmed.dropFirst(2))) + "</blockquote>\n"
            } else if trimmed.hasPrefix("!["), let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
                flush()
                let file = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
                out += "<figure class=\"chart\">" + (inline[file] ?? "<img src=\"\(escape(file))\">") + "</figure>\n"
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        return out
    }

    private static func heading(_ line: String) -> Int? {
        let level = line.prefix { $0 == "#" }.count
        return (1...6).contains(level) && line.dropFirst(level).hasPrefix(" ") ? level : nil
    }

    private static func table(_ rows: [String]) -> String {
        func cells(_ row: String) -> [String] {
            var cells: [String] = []
            var current = ""
            var escaped = false
            for character in row.dropFirst() {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    cells.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                } else {
                    current.append(character)
                }
            }
            return cells
        }
        var out = "<table><thead><tr>" + cells(rows[0]).map { "<th>" + inlineHTML($0) + "</th>" }.joined()
        out += "</tr></thead><tbody>"
        for row in rows.dropFirst(2) {
            out += "<tr>" + cells(row).map { "<td>" + inlineHTML($0) + "</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>\n"
    }

    /// `**bold**`, `` `code` `` and `<br>` inside a line; everything else escaped.
    static func inlineHTML(_ text: String) -> String {
        var out = ""
        var bold = false
        var code = false
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("<br>") {
                out += "<br>"
                index = text.index(index, offsetBy: 4)
            } else if !code && rest.hasPrefix("**") {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                index = text.index(index, offsetBy: 2)
            } else if text[index] == "`" {
                out += code ? "</code>" : "<code>"
                code.toggle()
                index = text.index(after: index)
            } else {
                out += escape(String(text[index]))
                index = text.index(after: index)
            }
        }
        if code { out += "</code>" }
        if bold { out += "</strong>" }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

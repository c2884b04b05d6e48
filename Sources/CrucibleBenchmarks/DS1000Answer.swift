/// DS-1000's official clean-up of an answer before it is tested (models wrap code in all kinds of tags).
public enum DS1000Answer {
    /// Cut at `</code>`; drop ```` ```python ````; cut at the next ```` ``` ````; cut at `\nEND SOLUTION`; drop
    /// `<code>` — in that order, as the official script does. (A list answer is reduced to its first element when
    /// the answers file is read.)
    public static func clean(_ answer: String) -> String {
        var code = answer.components(separatedBy: "</code>")[0]
        code = code.replacingOccurrences(of: "```python", with: "")
        code = code.components(separatedBy: "```")[0]
        code = code.components(separatedBy: "\nEND SOLUTION")[0]
        return code.replacingOccurrences(of: "<code>", with: "")
    }
}

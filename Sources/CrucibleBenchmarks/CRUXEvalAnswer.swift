/// The answer in a completion of a CRUXEval prompt, by the rules of CRUXEval's inference code: the text up to its
/// stop word; with chain of thought, the part after the first `[ANSWER]` (up to a second one); then from the
/// completed assertion `assert f(x) == y`, `y` when predicting the output (the text between the first and second
/// `==`) and `f(x)` when predicting the input (before the first `==`, from `assert f` on).
public enum CRUXEvalAnswer {
    /// `hidesCode`: the prompt named the function (`cruxeval_12`, `CRUXEvalFunction.name`) instead of `f`; calls to
    /// it are given back as calls to `f`, the name the scored program defines.
    public static func extract(
        _ completion: String, predicting: ExecutionPrediction, style: CRUXEvalPrompts.Style, hidesCode: Bool = false
    ) -> String {
        var text = completion
        if let stop = text.range(of: CRUXEvalPrompts.stopWord) { text = String(text[..<stop.lowerBound]) }
        if style == .chainOfThought, text.contains("[ANSWER]") {
            text = text.components(separatedBy: "[ANSWER]")[1].trimmed
        }
        if hidesCode { text = callingF(text) }
        let sides = text.components(separatedBy: "==")
        switch predicting {
        case .output:
            if sides.count > 1 { text = sides[1].trimmed }
        case .input:
            if sides.count > 1 { text = sides[0].trimmed }
            if text.contains("assert f") { text = "f" + text.components(separatedBy: "assert f")[1].trimmed }
        }
        return text.trimmed
    }
}

extension CRUXEvalAnswer {
    /// Every `cruxeval_<id>(` as `f(`.
    static func callingF(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let found = rest.range(of: CRUXEvalFunction.namePrefix) {
            let suffix = rest[found.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let after = rest[suffix.endIndex...]
            out += rest[..<found.lowerBound]
            out += after.hasPrefix("(") ? "f" : String(rest[found.lowerBound..<suffix.endIndex])
            rest = after
        }
        return out + rest
    }
}

extension String {
    /// Python's `str.strip()` with no argument: whitespace off both ends.
    var trimmed: String {
        String(
            unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
                .reversed().map(Character.init))
    }
}

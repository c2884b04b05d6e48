/// Splits text into words with the rules of NLTK's `word_tokenize` (its `NLTKWordTokenizer`), which the official
/// Spider tokenizer relies on.
///
/// Only the rules that can fire on SQL with its string literals already masked are reproduced: the input never
/// contains ASCII quotes (the caller replaces every quoted literal by a placeholder word first), so NLTK's quote and
/// clitic rules have nothing to act on. The text is treated as a single sentence: Punkt sentence splitting would only
/// change where a sentence-final period is detached, and SQL has no period followed by whitespace outside literals.
enum SpiderWordSplitter {
    /// The words of `text`, in order, with their original case.
    static func words(in text: String) -> [String] {
        words(in: Array(text.unicodeScalars))
    }

    /// The words of a text given as scalars.
    static func words(in scalars: [Unicode.Scalar]) -> [String] {
        let padded = pad(scalars)
        let separated = splitContractions(padded)
        return split(separated)
    }

    // MARK: - Padding

    /// Characters NLTK surrounds with spaces wherever they occur, one by one.
    private static let paddedOneByOne: Set<Unicode.Scalar> = [
        ";", "@", "#", "$", "%", "&", "?", "!", "*",
        "[", "]", "(", ")", "{", "}", "<", ">",
        "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}",
        "«", "“", "‘", "„", "»", "”", "’",
    ]

    /// Characters that may sit between a sentence-final period and the end of the text.
    private static let closers: Set<Unicode.Scalar> = ["]", ")", "}", ">", "\"", "'", "»", "”", "’", " "]

    /// Applies NLTK's padding rules in one left-to-right pass. They can be merged because each only inserts spaces
    /// next to non-word characters, so no rule changes what a later one sees, except the comma rule's habit of
    /// consuming the character after the comma, which is tracked explicitly.
    private static func pad(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let finalPeriod = finalPeriodIndex(scalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count * 2)
        var index = 0
        // A comma or colon matched by NLTK's `([:,])([^\d])` also consumes the next character, which therefore
        // cannot start another match.
        var consumedByComma = false
        while index < scalars.count {
            let scalar = scalars[index]
            let wasConsumed = consumedByComma
            consumedByComma = false
            if index == finalPeriod {
                output.append(contentsOf: [" ", scalar, " "])
                index += 1
            } else if scalar == "," || scalar == ":" {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let padBeforeNonDigit = !wasConsumed && next.map { !isDecimalDigit($0) } == true
                if padBeforeNonDigit || isAtEnd(index, of: scalars) {
                    output.append(contentsOf: [" ", scalar, " "])
                    consumedByComma = padBeforeNonDigit
                } else {
                    output.append(scalar)
                }
                index += 1
            } else if scalar == "." || scalar == "`" {
                var end = index
                while end < scalars.count && scalars[end] == scalar { end += 1 }
                if scalar == "`" {
                    // A run of backticks is padded, then cut into ``` `` ``` pairs (NLTK's opening-quote mark),
                    // with an odd one left over as a word of its own.
                    for pairStart in stride(from: index, to: end, by: 2) {
                        output.append(" ")
                        output.append(contentsOf: scalars[pairStart..<min(pairStart + 2, end)])
                        output.append(" ")
                    }
                } else if end - index >= 2 {
                    // A run of two or more periods stays together as one padded word.
                    output.append(" ")
                    output.append(contentsOf: scalars[index..<end])
                    output.append(" ")
                } else {
                    output.append(scalar)
                }
                index = end
            } else if scalar == "-", index + 1 < scalars.count, scalars[index + 1] == "-" {
                output.append(contentsOf: [" ", "-", "-", " "])
                index += 2
            } else if paddedOneByOne.contains(scalar) {
                output.append(contentsOf: [" ", scalar, " "])
                index += 1
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return output
    }

    /// Whether `index` is where Python's `$` lets `([:,])$` match: the last character, or the one before a final
    /// newline.
    private static func isAtEnd(_ index: Int, of scalars: [Unicode.Scalar]) -> Bool {
        index == scalars.count - 1 || (index == scalars.count - 2 && scalars[scalars.count - 1] == "\n")
    }

    /// The period NLTK detaches as sentence-final: the last period, preceded by something other than a period and
    /// followed only by closing brackets or quotes, then whitespace.
    private static func finalPeriodIndex(_ scalars: [Unicode.Scalar]) -> Int? {
        guard let period = scalars.lastIndex(of: "."), period > 0, scalars[period - 1] != "." else { return nil }
        var index = period + 1
        while index < scalars.count && closers.contains(scalars[index]) { index += 1 }
        while index < scalars.count && isWhitespace(scalars[index]) { index += 1 }
        return index == scalars.count ? period : nil
    }

    // MARK: - Contractions

    /// Words NLTK cuts in two (and pads), with the length of their first part. `wanna` is cut only before whitespace.
    private static let contractions: [String: Int] = [
        "cannot": 3, "gimme": 3, "gonna": 3, "gotta": 3, "lemme": 3, "wanna": 3,
    ]

    private static func splitContractions(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            guard isWordCharacter(scalars[index]) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count && isWordCharacter(scalars[end]) { end += 1 }
            let word = scalars[index..<end]
            // Every contraction has five or six letters; other words need no lower-casing or look-up.
            let lowered = word.count == 5 || word.count == 6 ? string(word).lowercased() : ""
            let followedBySpace = end == scalars.count || isWhitespace(scalars[end])
            if let cut = contractions[lowered], lowered != "wanna" || followedBySpace {
                // NLTK's replacement is ` \1 \2 `: both halves become words of their own, detached from their
                // neighbours too.
                output.append(" ")
                output.append(contentsOf: word.prefix(cut))
                output.append(" ")
                output.append(contentsOf: word.dropFirst(cut))
                output.append(" ")
            } else {
                output.append(contentsOf: word)
            }
            index = end
        }
        return output
    }

    // MARK: - Character classes

    /// A string from scalars, through UTF-8 bytes (much cheaper than appending to a `UnicodeScalarView`).
    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func split(_ scalars: [Unicode.Scalar]) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for scalar in scalars {
            if isWhitespace(scalar) {
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            } else if scalar.isASCII {
                current.append(UInt8(scalar.value))
            } else {
                current.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Python's `str.isspace`, which both `\s` and `str.split()` follow.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: Unicode property look-ups dominate the cost of classifying a whole dev set otherwise.
        if scalar.isASCII {
            let value = scalar.value
            return value == 0x20 || (0x09...0x0D).contains(value) || (0x1C...0x1F).contains(value)
        }
        return scalar.properties.isWhitespace
    }

    /// Python's `\d` on text: any decimal digit.
    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x30...0x39).contains(scalar.value) }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// Python's `\w` on text: letters, digits and the underscore.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || value == 0x5F
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

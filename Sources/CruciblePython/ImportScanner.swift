/// The modules a program's import statements name, read from its text without running it: a worker imports those
/// once before forking, so that every child does not import them again (an `import sklearn.svm` costs a DS-1000
/// child more than its test).
enum ImportScanner {
    /// Absolute module names from `import a.b, c as d` and `from a.b import c` statements at the start of a line
    /// (which includes the lines of code a program keeps in a string to `exec`).
    static func modules(in source: String) -> Set<String> {
        var modules: Set<String> = []
        for rawLine in source.split(whereSeparator: \.isNewline) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("from ") {
                let rest = line.dropFirst(5).drop { $0 == " " || $0 == "\t" }
                let name = rest.prefix { !$0.isWhitespace }
                if !name.isEmpty, !name.hasPrefix("."), rest.dropFirst(name.count).contains("import") {
                    modules.insert(String(name))
                }
            } else if line.hasPrefix("import ") {
                for part in line.dropFirst(7).split(separator: ",") {
                    let name = part.split(whereSeparator: \.isWhitespace).first ?? ""
                    if isModuleName(name) { modules.insert(String(name)) }
                }
            }
        }
        return modules.filter(isModuleName)
    }

    private static func isModuleName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            && !name.hasPrefix(".") && !(name.first?.isNumber ?? true)
    }
}

import Foundation

/// The git commit this crucible was built from, found at run time from the executable's location (SwiftPM puts
/// it under the checkout's `.build/`), so that a run records exactly which code judged it. Nil when the executable
/// is not inside a git checkout (an installed copy).
enum SourceCommit {
    struct Found: Equatable {
        var commit: String
        /// Tracked files differ from the commit (`git status`); nil when git itself is not installed.
        var modified: Bool?
    }

    static let current: Found? = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            let gitDirectory = folder.appendingPathComponent(".git")
            if let commit = commit(gitDirectory: gitDirectory.path) {
                return Found(commit: commit, modified: modified(checkout: folder.path))
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// HEAD, through a branch ref or `packed-refs`.
    static func commit(gitDirectory: String) -> String? {
        guard let head = try? String(contentsOfFile: gitDirectory + "/HEAD", encoding: .utf8) else { return nil }
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("ref: ") else { return isHash(trimmed) ? trimmed : nil }
        let reference = String(trimmed.dropFirst(5))
        if let loose = try? String(contentsOfFile: gitDirectory + "/" + reference, encoding: .utf8) {
            let hash = loose.trimmingCharacters(in: .whitespacesAndNewlines)
            return isHash(hash) ? hash : nil
        }
        guard let packed = try? String(contentsOfFile: gitDirectory + "/packed-refs", encoding: .utf8) else {
            return nil
        }
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + reference) {
            let hash = String(line.prefix { $0 != " " })
            if isHash(hash) { return hash }
        }
        return nil
    }

    private static func isHash(_ text: String) -> Bool {
        text.count >= 40 && text.allSatisfy(\.isHexDigit)
    }

    private static func modified(checkout: String) -> Bool? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", checkout, "status", "--porcelain", "--untracked-files=no"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return !data.isEmpty
    }
}

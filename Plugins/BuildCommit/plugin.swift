import Foundation
import PackagePlugin

/// Embeds the git commit the `crucible` executable is built from (and whether tracked files differed from it) as
/// `BuildCommit`, so that a run records the code that judged it even when the binary is stale (built before a
/// checkout moved) or copied out of the checkout, where looking at the checkout when it runs would lie or find
/// nothing.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let work = context.pluginWorkDirectoryURL
        let output = work.appending(path: "BuildCommit.swift")
        // Neither a prebuild command nor declared inputs keep the commit current. SwiftPM runs prebuild commands
        // only when it plans the build again, which a cached plan skips unless the package's folder structure
        // changes (swiftlang/swift-package-manager#5476): a new commit or an edited file kept the old values. Declaring `.git`'s files and every
        // tracked file as inputs fails the build when one disappears (`git gc` packs branch refs). So the
        // command's one input is a file it replaces each time it runs, which leaves it out of date at the next
        // build: it runs on every build, and since it rewrites its output only when the text changes, the
        // compiler only sees a change when the commit or the modified flag does.
        let stamp = work.appending(path: "BuildCommit.stamp")
        if !FileManager.default.fileExists(atPath: stamp.path(percentEncoded: false)) {
            try Data().write(to: stamp)
        }
        return [
            .buildCommand(
                displayName: "Embedding the git commit of \(context.package.displayName)",
                executable: URL(filePath: "/bin/sh"),
                arguments: [
                    "-c", Self.script, "build-commit", context.package.directoryURL.path(percentEncoded: false),
                    output.path(percentEncoded: false), stamp.path(percentEncoded: false),
                ],
                inputFiles: [stamp],
                outputFiles: [output]
            )
        ]
    }

    /// `$1` the package folder, `$2` the Swift file, `$3` the stamp. The commit is taken only from the package's
    /// own checkout: a source tarball unpacked inside some other repository must not claim that repository's HEAD.
    /// The stamp is replaced by a new file, not touched, so that it differs even where timestamps are coarse.
    static let script = #"""
        set -u
        # Set by git hooks; they would point git at another repository than the package's.
        unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
        commit=nil
        modified=nil
        if [ -e "$1/.git" ] && hash=$(git -C "$1" rev-parse --verify --quiet HEAD 2>/dev/null); then
            commit="\"$hash\""
            # --no-optional-locks: a build must not take the index lock a concurrent git command may need.
            if status=$(git -C "$1" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null); then
                if [ -n "$status" ]; then modified=true; else modified=false; fi
            fi
        fi
        printf '%s\n' \
            '// Generated at build time by the BuildCommit plugin (Plugins/BuildCommit).' \
            'enum BuildCommit {' \
            "    static let commit: String? = $commit" \
            "    static let modified: Bool? = $modified" \
            '}' >"$2.new" || exit 1
        if cmp -s "$2.new" "$2"; then rm -f "$2.new"; else mv -f "$2.new" "$2" || exit 1; fi
        : >"$3.new" && mv -f "$3.new" "$3"
        """#
}

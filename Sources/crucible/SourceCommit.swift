/// The git commit this crucible was built from, so that a run records exactly which code judged it. Embedded at
/// build time by the BuildCommit plugin rather than read from a checkout when crucible runs: a binary built before
/// `git checkout` would name the wrong commit, and a copy outside the checkout none. Nil when built without git or
/// outside a git checkout (a source tarball).
enum SourceCommit {
    struct Found: Equatable {
        var commit: String
        /// Tracked files differed from the commit when it was built (`git status`); nil when that was unknown.
        var modified: Bool?
    }

    static let current: Found? = BuildCommit.commit.map { Found(commit: $0, modified: BuildCommit.modified) }
}

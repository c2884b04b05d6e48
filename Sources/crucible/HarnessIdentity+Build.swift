import CrucibleRuns

extension HarnessIdentity {
    /// This crucible: its version and the commit it was built from.
    static var crucible: HarnessIdentity {
        HarnessIdentity(
            version: CrucibleVersion.string, commit: SourceCommit.current?.commit,
            modified: SourceCommit.current?.modified)
    }
}

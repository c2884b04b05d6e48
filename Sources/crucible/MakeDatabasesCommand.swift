import ArgumentParser
import CrucibleBenchmarks
import CrucibleSQL
import Foundation

struct MakeDatabasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-databases",
        abstract: "Build SQLite databases from SQL scripts (for the bundled samples and your own fixtures).",
        discussion: "Each <db_id>.sql in --scripts becomes --into/<db_id>/<db_id>.sqlite, the Spider layout."
    )

    @Option(help: "Folder of <db_id>.sql scripts.")
    var scripts: String

    @Option(help: "Folder to build <db_id>/<db_id>.sqlite in.")
    var into: String

    func run() throws {
        try CommandFailures.report(command: "make-databases") {
            let built: [String]
            do {
                built = try SQLiteScriptRunner.buildAll(scriptsFolder: scripts, into: into)
            } catch let error as SQLiteError {
                throw DatasetError(.malformed, file: scripts, "\(error)")
            } catch let error as CocoaError {
                throw DatasetError(.missingFile, file: scripts, error.localizedDescription)
            }
            guard !built.isEmpty else { throw DatasetError(.missingFile, file: scripts, "no .sql scripts found") }
            print("built \(built.count) databases in \(into): \(built.joined(separator: ", "))")
        }
    }
}

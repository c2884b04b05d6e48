import ArgumentParser
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
        do {
            let built = try SQLiteScriptRunner.buildAll(scriptsFolder: scripts, into: into)
            guard !built.isEmpty else {
                FileHandle.standardError.write(Data("crucible: error: \(scripts): no .sql scripts found\n".utf8))
                throw ExitCode(2)
            }
            print("built \(built.count) databases in \(into): \(built.joined(separator: ", "))")
        } catch let error as SQLiteError {
            FileHandle.standardError.write(Data("crucible: error: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as CocoaError {
            FileHandle.standardError.write(Data("crucible: error: \(scripts): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}

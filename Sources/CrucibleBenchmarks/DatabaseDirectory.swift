import Foundation

/// Finds the database files of one db_id in a benchmark's database folder.
enum DatabaseDirectory {
    /// Every `*.sqlite` file in `root/<db_id>/`, the main `<db_id>.sqlite` first. Spider's test suite places
    /// variant databases beside the original; a prediction must match on all of them. SQLite's own side files
    /// (`-journal`, `-wal`, `-shm`) are not databases and are skipped.
    static func files(root: String, databaseID: String) -> [String] {
        let folder = (root as NSString).appendingPathComponent(databaseID)
        let main = "\(databaseID).sqlite"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let databases = names.filter { name in
            name.contains(".sqlite") && !name.hasSuffix("-journal") && !name.hasSuffix("-wal")
                && !name.hasSuffix("-shm")
        }
        guard databases.contains(main) else { return [] }
        let ordered = [main] + databases.filter { $0 != main }.sorted()
        return ordered.map { (folder as NSString).appendingPathComponent($0) }
    }
}

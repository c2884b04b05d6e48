import Foundation
import Testing

/// The bundled text-to-SQL sample copied to a temporary folder, its databases built with `crucible make-databases`.
enum SQLSampleFolder {
    static let source = "\(CrucibleCommand.packageRoot)/Datasets/sql-sample"

    static func build() throws -> String {
        let folder = try CrucibleCommand.temporaryFolder()
        for file in ["dev.json", "tables.json", "predictions.txt", "train.json"] {
            try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: "\(folder)/\(file)")
        }
        let built = try CrucibleCommand.run([
            "make-databases", "--scripts", "\(source)/sql", "--into", "\(folder)/database",
        ])
        #expect(built.status == 0, "\(built.stderr)")
        return folder
    }
}

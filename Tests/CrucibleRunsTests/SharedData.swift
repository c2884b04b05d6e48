import CrucibleTestSupport
import Foundation

/// Paths to the real benchmark data beside the project (`../shared/datasets`) and to the bundled sample.
enum SharedData {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let datasets = SharedDatasets.path
    static let spider = "\(datasets)/spider"
    static let spiderPredictions = "\(datasets)/spider-predictions"
    static let sqlSample = "\(packageRoot)/Datasets/sql-sample"

    static func json<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

public import CrucibleModels
import CrucibleSQL
import Foundation

/// Completions kept across runs, keyed by (model, prompt hash, sampling parameters, sample index): a new run that
/// would send an identical request takes the stored answer instead. One SQLite file that several runs (shards on
/// one machine included) may share; every call holds the cache's lock, and SQLite's own locking covers processes.
public final class GenerationCache: @unchecked Sendable {
    public let path: String
    private let database: SQLiteConnection
    private let lock = NSLock()

    static let schema = """
        CREATE TABLE IF NOT EXISTS completions (
            model TEXT NOT NULL,
            prompt_hash TEXT NOT NULL,
            parameters TEXT NOT NULL,
            sample INTEGER NOT NULL,
            text TEXT NOT NULL,
            finish_reason TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            seconds REAL NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (model, prompt_hash, parameters, sample)
        );
        PRAGMA user_version = 1;
        """

    public init(path: String) throws(RunStoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        self.path = path
        database = try SQLiteConnection.store(path: path)
        try database.storeExecute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        let version = try database.storeQuery("PRAGMA user_version").first?.first?.integer ?? 0
        guard version <= 1 else {
            throw RunStoreError(
                .newerSchema, path: path, "the generation cache has schema version \(version); use a newer crucible")
        }
        if version == 0 { try database.storeExecute(Self.schema) }
    }

    /// The sampling parameters as part of the key: every field but `n`, which only says how many were asked at once.
    public static func key(_ parameters: SamplingParameters) -> String {
        var parameters = parameters
        parameters.n = 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(parameters)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The cached completions among `samples`, by sample index.
    public func completions(
        model: String, promptHash: String, parameters: SamplingParameters, samples: [Int]
    ) throws(RunStoreError) -> [Int: Completion] {
        lock.lock()
        defer { lock.unlock() }
        let rows = try database.storeQuery(
            """
            SELECT sample, text, finish_reason, prompt_tokens, completion_tokens, seconds FROM completions
            WHERE model = ? AND prompt_hash = ? AND parameters = ?
            """,
            [.text(model), .text(promptHash), .text(Self.key(parameters))])
        let wanted = Set(samples)
        var found: [Int: Completion] = [:]
        for row in rows {
            guard let sample = row[0].integer.map(Int.init), wanted.contains(sample), let text = row[1].text else {
                continue
            }
            found[sample] = Completion(
                text: text, finishReason: row[2].text, promptTokens: row[3].integer.map(Int.init),
                completionTokens: row[4].integer.map(Int.init), seconds: row[5].real ?? 0)
        }
        return found
    }

    /// Keeps completions for later runs; an entry already there is left as it is.
    public func insert(
        model: String, promptHash: String, parameters: SamplingParameters, completions: [(sample: Int, Completion)]
    ) throws(RunStoreError) {
        lock.lock()
        defer { lock.unlock() }
        let key = Self.key(parameters)
        let now = ISO8601DateFormatter().string(from: Date())
        try database.storeTransaction { () throws(RunStoreError) in
            for (sample, completion) in completions {
                try database.storeQuery(
                    """
                    INSERT OR IGNORE INTO completions (model, prompt_hash, parameters, sample, text, finish_reason,
                        prompt_tokens, completion_tokens, seconds, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(model), .text(promptHash), .text(key), .integer(Int64(sample)), .text(completion.text),
                        SQLValue(completion.finishReason), SQLValue(completion.promptTokens),
                        SQLValue(completion.completionTokens), SQLValue(completion.seconds), .text(now),
                    ])
            }
        }
    }
}

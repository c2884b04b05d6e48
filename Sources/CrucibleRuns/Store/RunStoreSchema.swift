import CrucibleSQL

/// The run store's schema, as numbered migrations (`PRAGMA user_version` holds how many have been applied).
/// A migration is never edited once released: changes are new migrations. docs/run-store.md describes the tables.
enum RunStoreSchema {
    static let migrations: [String] = [
        // 1: the first schema.
        """
        CREATE TABLE run (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE tasks (
            position INTEGER PRIMARY KEY,
            task_id TEXT NOT NULL UNIQUE,
            category TEXT
        );
        CREATE TABLE generations (
            task_id TEXT NOT NULL REFERENCES tasks(task_id),
            round INTEGER NOT NULL,
            sample INTEGER NOT NULL,
            request_id TEXT NOT NULL,
            model TEXT NOT NULL,
            prompt_hash TEXT NOT NULL,
            prompt TEXT NOT NULL,
            raw TEXT NOT NULL,
            code TEXT NOT NULL,
            finish_reason TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            seconds REAL NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (task_id, round, sample)
        );
        CREATE TABLE executions (
            task_id TEXT NOT NULL,
            round INTEGER NOT NULL,
            sample INTEGER NOT NULL,
            status TEXT NOT NULL,
            passed INTEGER,
            detail TEXT NOT NULL,
            seconds REAL NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (task_id, round, sample),
            FOREIGN KEY (task_id, round, sample) REFERENCES generations(task_id, round, sample)
        );
        """,
        // 2: executions name their engine, so a status is read as the engine's own (`error` and `timeout` are
        // both engines' names). Rows of earlier runs: by names only one engine uses, else by the run's benchmark.
        """
        ALTER TABLE executions ADD COLUMN engine TEXT NOT NULL DEFAULT '';
        UPDATE executions SET engine = CASE
            WHEN status IN ('match', 'mismatch', 'row-cap', 'memory-cap', 'denied', 'gold-failed') THEN 'sql'
            WHEN status IN ('passed', 'failed', 'memory', 'crashed') THEN 'python'
            WHEN (SELECT json_extract(value, '$.benchmark') FROM run WHERE key = 'configuration')
                IN ('spider', 'bird') THEN 'sql'
            ELSE 'python'
        END;
        """,
        // 3: refinement rounds. `rounds` holds each round's settings (model, repair mode, feedback kind) and when
        // it finished; `repairs` the feedback each repaired sample was shown, the round of the candidate it repairs
        // and, in explain-then-fix, the model's explanation (stored as soon as it arrives, so a resumed run does not
        // ask for it again).
        """
        CREATE TABLE rounds (
            round INTEGER PRIMARY KEY,
            settings TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE repairs (
            task_id TEXT NOT NULL REFERENCES tasks(task_id),
            round INTEGER NOT NULL,
            sample INTEGER NOT NULL,
            source_round INTEGER NOT NULL,
            feedback TEXT NOT NULL,
            explanation TEXT,
            PRIMARY KEY (task_id, round, sample)
        );
        """,
    ]

    static var currentVersion: Int { migrations.count }

    /// Brings the database to the current version, each migration in its own transaction.
    static func migrate(_ database: SQLiteConnection) throws(RunStoreError) {
        // WAL: a write that completed survives the process being killed; readers never block the writer.
        try database.storeExecute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
        let version = Int(try database.storeQuery("PRAGMA user_version").first?.first?.integer ?? 0)
        guard version <= currentVersion else {
            throw RunStoreError(
                .newerSchema, path: database.path,
                "the run store has schema version \(version); this crucible knows versions up to \(currentVersion): "
                    + "use a newer crucible")
        }
        for next in version..<currentVersion {
            try database.storeTransaction { () throws(RunStoreError) in
                try database.storeExecute(migrations[next])
                try database.storeExecute("PRAGMA user_version = \(next + 1)")
            }
        }
    }
}

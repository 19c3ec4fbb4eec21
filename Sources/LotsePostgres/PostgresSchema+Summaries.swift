extension PostgresSchema {
    /// Migrations for what the screens' questions need beyond the base tables (indexes,
    /// summaries), appended after `v1-schema`.
    static var readerMigrations: [(identifier: String, sql: String)] {
        [PostgresSearchIndex.migration]
    }
}

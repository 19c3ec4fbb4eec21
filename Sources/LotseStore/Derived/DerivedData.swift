import GRDB

/// The summaries the screens' questions are answered from (per-project status, per-month
/// totals, the folded search text), kept current in the same transaction as every write.
/// Every write path calls one of these before it commits.
enum DerivedData {
    /// Recomputes every summary from the base tables. Call after a bulk write (import,
    /// sample data) inside its transaction.
    static func rebuildAll(_ db: Database) throws {
        // Filled in by the summaries migration.
    }
}

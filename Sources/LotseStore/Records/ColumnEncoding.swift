import GRDB

/// A record's columns, written in one place: GRDB's `encode(to:)` and the import's
/// `RecordInserter` both go through `encodeColumns`. The inserter takes the values in the
/// order they come, without the dictionary GRDB builds for each record, which cost as much
/// as SQLite's own work at import sizes (hundreds of thousands of rows).
protocol ColumnEncoding {
    /// Calls `column` once per column, always in the same order for the same set of columns.
    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void)
}

extension ColumnEncoding where Self: EncodableRecord {
    func encode(to container: inout PersistenceContainer) {
        encodeColumns { container[$0] = $1 }
    }
}

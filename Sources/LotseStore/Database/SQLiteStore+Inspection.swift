import GRDB
import Synchronization

/// Raw access for tests and diagnostics (internal: reach it with `@testable import`), so
/// tests can break rows on purpose without importing GRDB themselves.
extension SQLiteStore {
    /// Runs SQL statements in one write transaction.
    func execute(sql: String) throws {
        try perform { try writer.write { db in try db.execute(sql: sql) } }
    }

    /// Every row of the query, each value as text (NULL as "NULL").
    func rows(sql: String) throws -> [[String]] {
        try perform {
            try writer.read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { value in
                        if case .string(let text) = value.storage { return text }
                        return RowReader.show(value)
                    }
                }
            }
        }
    }

    /// The statements `body` runs on this store, with their arguments in place, in order.
    /// Only for a store of one connection (`inMemory`), where every read sees the trace.
    func statements(whileRunning body: () throws -> Void) throws -> [String] {
        let seen = Mutex<[String]>([])
        try perform {
            try writer.writeWithoutTransaction { db in
                db.trace { event in
                    if case .statement(let statement) = event { seen.withLock { $0.append(statement.expandedSQL) } }
                }
            }
        }
        defer { try? perform { try writer.writeWithoutTransaction { db in db.trace(options: []) } } }
        try body()
        return seen.withLock { $0 }
    }

    /// Holds the write lock while `body` runs (to test waiting writers).
    func whileWriting(_ body: () throws -> Void) throws {
        try perform { try writer.write { _ in try body() } }
    }
}

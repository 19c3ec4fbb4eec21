import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// `lotse import` on a server, by exactly SQLite's rules (`SQLiteStore.importPortfolio`):
/// in one transaction that keeps other writers out, the tables an import touches are
/// copied column by column into a SQLite database in memory, the import runs there, and
/// the rows it added, changed or deleted are written back. A row the import left as it was
/// is not written, so its revision and `changed_at` stay; the server's own rules (checks,
/// references, row-level security) judge every row written, and any refusal undoes all.
extension PostgresStore {
    /// The tables an import reads and writes, parents before children.
    static let importTables = [
        "municipality", "project", "status_report", "kpi", "kpi_reading", "risk", "report_draft",
        "continuation_review", "continuation_draft",
    ]

    /// One table's columns and primary key, as the server describes them.
    struct TableShape {
        let table: String
        let columns: [(name: String, kind: TableRows.Kind)]
        let key: [String]
    }

    /// Runs `body` on a SQLite copy in memory of the tables an import touches and writes
    /// back what it changed there (unless `dryRun`), in one transaction that keeps other
    /// writers out meanwhile. What `body` throws, or the server refuses, changes nothing.
    public func changeThroughCopy<T>(dryRun: Bool, _ body: (SQLiteStore) throws -> T) throws -> T {
        try perform {
            try session.transaction {
                try session.execute("LOCK TABLE \(Self.importTables.joined(separator: ", ")) IN EXCLUSIVE MODE")
                let shapes = try Self.importTables.map { try shape(of: $0) }
                let before = try shapes.map { try rows(of: $0) }
                let memory = try SQLiteStore.inMemory(holding: before, now: now)
                let result = try body(memory)
                if dryRun { return result }
                let after = try shapes.map { try memory.rows(of: $0.table, columns: $0.columns) }
                if try write(from: before, to: after, shapes: shapes) {
                    try PostgresSearchIndex.refresh(session)
                }
                return result
            }
        }
    }

    /// Imports a portfolio file (see `changeThroughCopy`). `check` checks the file against
    /// what the database holds (the identifiers of `existing`), as SQLite's import checks
    /// it; a replacement first writes the portfolio it replaces as JSON (`lotse export`)
    /// to `backupFolder` (a dry run only checks that it could).
    public func importPortfolio(mode: ImportMode, by user: String, dryRun: Bool, backupFolder: String,
                                check: (PortfolioStreamValidator.Existing) throws -> CheckedPortfolioFile) throws
        -> ImportOutcome {
        try changeThroughCopy(dryRun: dryRun) { memory in
            let file = try check(try memory.existingIdentifiers())
            var backupPath: String?
            if mode == .replace {
                let name = (backupFolder as NSString).appendingPathComponent(Self.backupName(location.database, at: now()))
                if dryRun {
                    guard access(backupFolder, W_OK) == 0 else {
                        throw ImportBackupError(path: name, reason: String(cString: strerror(errno)))
                    }
                } else {
                    do {
                        try AtomicFile.write(try PortfolioExport.document(of: memory), to: name, mode: 0o600)
                    } catch {
                        throw ImportBackupError(path: name, reason: Self.reason(error))
                    }
                }
                backupPath = name
            }
            var outcome = try memory.importPortfolio(file, mode: mode, by: user, dryRun: dryRun, backup: false)
            outcome.backupPath = backupPath
            return outcome
        }
    }

    /// The columns of the tables a copy between engines carries (`importTables`, parents
    /// first), as the server has them.
    public func copyColumns() throws -> [(table: String, columns: [(name: String, kind: TableRows.Kind)])] {
        try perform { try Self.importTables.map { try shape(of: $0) }.map { ($0.table, $0.columns) } }
    }

    /// Every row of those tables, read in one snapshot.
    public func copiedTables() throws -> [TableRows] {
        try perform {
            try session.transaction("REPEATABLE READ", readOnly: true) {
                try Self.importTables.map { try rows(of: try shape(of: $0)) }
            }
        }
    }

    /// Adds the rows of `tables` (parents first) as they are, revisions and audit columns
    /// included, in one transaction; the server refuses a row that does not fit.
    public func insert(_ tables: [TableRows]) throws {
        try perform {
            try session.transaction {
                for table in tables {
                    let shape = try shape(of: table.table)
                    try upsert(table.rows, TableShape(table: table.table, columns: table.columns, key: shape.key))
                }
                try PostgresSearchIndex.refresh(session)
            }
        }
    }

    /// Deletes every row of the copied tables (children first).
    public func emptyCopiedTables() throws {
        try perform {
            try session.transaction {
                for table in Self.importTables.reversed() { try session.execute("DELETE FROM \(table)") }
            }
        }
    }

    /// `<database>.bak-<local time>.json`.
    static func backupName(_ database: String, at date: Date) -> String {
        let stamped = SQLiteStore.backupName(for: database.isEmpty ? "lotse" : database, at: date)
        return stamped.replacingOccurrences(of: "/", with: "_") + ".json"
    }

    static func reason(_ error: Error) -> String {
        if let failed = error as? AtomicFile.WriteError { return failed.reason }
        return error.localizedDescription
    }

    /// The columns of `table` in their order, and its primary key.
    func shape(of table: String) throws -> TableShape {
        var binds = PostgresBindings()
        binds.append(table)
        let columns = try session.query("""
            SELECT column_name::text, data_type::text FROM information_schema.columns
            WHERE table_schema = '\(PostgresSchema.schema)' AND table_name = $1 ORDER BY ordinal_position
            """, binds).map { row -> (name: String, kind: TableRows.Kind) in
            let (name, type) = try row.decode((String, String).self)
            switch type {
            case "bigint", "integer", "smallint": return (name, .integer)
            case "boolean": return (name, .flag)
            default: return (name, .text)
            }
        }
        let key = try session.query("""
            SELECT a.attname::text FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = ('\(PostgresSchema.schema).' || $1)::regclass AND i.indisprimary ORDER BY a.attnum
            """, binds).map { try $0.decode(String.self) }
        return TableShape(table: table, columns: columns, key: key)
    }

    /// Every row of a table the role may read, as text.
    func rows(of shape: TableShape) throws -> TableRows {
        let list = shape.columns.map { "\"\($0.name)\"::text" }.joined(separator: ", ")
        let rows = try session.query("SELECT \(list) FROM \"\(shape.table)\"").map { row -> [String?] in
            let cells = row.makeRandomAccess()
            return try (0..<shape.columns.count).map { try cells[$0].decode(String?.self) }
        }
        return TableRows(table: shape.table, columns: shape.columns, rows: rows)
    }

    /// Writes what differs between `before` and `after`: rows added or changed (parents
    /// first), then rows gone (children first). Whether anything was written.
    private func write(from before: [TableRows], to after: [TableRows], shapes: [TableShape]) throws -> Bool {
        var wrote = false
        var gone: [(TableShape, [[String?]])] = []
        for (shape, (old, new)) in zip(shapes, zip(before, after)) {
            let keyIndex = shape.key.compactMap { k in shape.columns.firstIndex { $0.name == k } }
            func key(_ row: [String?]) -> [String?] { keyIndex.map { row[$0] } }
            let stored = Dictionary(old.rows.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
            let kept = Set(new.rows.map(key))
            let written = new.rows.filter { stored[key($0)] != $0 }
            try upsert(written, shape)
            let vanished = old.rows.filter { !kept.contains(key($0)) }
            gone.append((shape, vanished))
            wrote = wrote || !written.isEmpty || !vanished.isEmpty
        }
        for (shape, rows) in gone.reversed() { try delete(rows, shape) }
        return wrote
    }

    /// The rows as a JSON array of objects, column name to text (or null).
    private static func json(_ rows: ArraySlice<[String?]>, _ columns: [String]) throws -> String {
        let objects = rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row.map { $0.map { $0 as Any } ?? NSNull() }))
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: objects), as: UTF8.self)
    }

    private static let batch = 5_000

    private func upsert(_ rows: [[String?]], _ shape: TableShape) throws {
        let names = shape.columns.map(\.name)
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        let others = names.filter { !shape.key.contains($0) }
        let onConflict = others.isEmpty ? "DO NOTHING"
            : "DO UPDATE SET " + others.map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", ")
        for start in stride(from: 0, to: rows.count, by: Self.batch) {
            var binds = PostgresBindings()
            binds.append(try Self.json(rows[start..<min(rows.count, start + Self.batch)], names))
            try session.query("""
                INSERT INTO "\(shape.table)" (\(list))
                SELECT \(list) FROM json_populate_recordset(NULL::"\(shape.table)", $1::json)
                ON CONFLICT (\(shape.key.map { "\"\($0)\"" }.joined(separator: ", "))) \(onConflict)
                """, binds)
        }
    }

    private func delete(_ rows: [[String?]], _ shape: TableShape) throws {
        let names = shape.columns.map(\.name)
        let match = shape.key.map { "t.\"\($0)\" = k.\"\($0)\"" }.joined(separator: " AND ")
        for start in stride(from: 0, to: rows.count, by: Self.batch) {
            var binds = PostgresBindings()
            binds.append(try Self.json(rows[start..<min(rows.count, start + Self.batch)], names))
            try session.query("""
                DELETE FROM "\(shape.table)" t USING json_populate_recordset(NULL::"\(shape.table)", $1::json) k
                WHERE \(match)
                """, binds)
        }
    }
}

import Foundation
import GRDB

/// The rows of one base table as text, column by column, the way another engine gives them:
/// integers in decimal, flags as `true`/`false`, NULL as nil. Lets an engine that is not a
/// file hand its tables to a SQLite database in memory and take the result back (an import
/// on a server runs SQLite's import there), without losing a column: revisions, running
/// totals, who changed what and when stay as they are.
public struct TableRows: Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case text, integer, flag
    }

    public var table: String
    /// The columns and their kinds, in the order of each row's cells.
    public var columns: [(name: String, kind: Kind)]
    public var rows: [[String?]]

    public init(table: String, columns: [(name: String, kind: Kind)], rows: [[String?]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }

    public static func == (a: TableRows, b: TableRows) -> Bool {
        a.table == b.table && a.columns.map(\.name) == b.columns.map(\.name)
            && a.columns.map(\.kind) == b.columns.map(\.kind) && a.rows == b.rows
    }
}

extension SQLiteStore {
    /// A database in memory holding `tables` (parents before children) exactly, with its
    /// summaries counted from them. Throws `StoreError.database` when a row does not fit
    /// the schema (a value out of range, a reference to nothing); nothing is kept then.
    public static func inMemory(holding tables: [TableRows], now: @escaping @Sendable () -> Date = { Date() }) throws
        -> SQLiteStore {
        let store = try inMemory(now: now)
        try store.insert(tables)
        return store
    }

    /// Adds the rows of `tables` (parents before children) as they are, in one transaction,
    /// and counts the summaries again. Throws `StoreError.database` when a row does not fit
    /// (a value out of range, a key taken, a reference to nothing); nothing changes then.
    public func insert(_ tables: [TableRows]) throws {
        try perform {
            try writer.write { db in
                for table in tables {
                    let names = table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
                    let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                    let insert = try db.makeStatement(sql: "INSERT INTO \"\(table.table)\" (\(names)) VALUES (\(marks))")
                    for row in table.rows {
                        let values: [DatabaseValue] = try zip(row, table.columns).map { cell, column in
                            try Self.databaseValue(cell, column.kind, table: table.table, column: column.name)
                        }
                        try insert.execute(arguments: StatementArguments(values))
                    }
                }
                try DerivedData.rebuildAll(db)
            }
        }
    }

    /// The rows of `table` with `columns` (read as `TableRows` gives them), in no
    /// particular order.
    public func rows(of table: String, columns: [(name: String, kind: TableRows.Kind)]) throws -> TableRows {
        let names = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let rows: [[String?]] = try perform {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT \(names) FROM \"\(table)\"").map { row in
                    columns.indices.map { i -> String? in
                        let value = row[i] as DatabaseValue
                        switch value.storage {
                        case .null: return nil
                        case .int64(let n): return columns[i].kind == .flag ? (n != 0 ? "true" : "false") : String(n)
                        case .double(let d): return String(d)
                        case .string(let s): return s
                        case .blob(let data): return String(decoding: data, as: UTF8.self)
                        }
                    }
                }
            }
        }
        return TableRows(table: table, columns: columns, rows: rows)
    }

    private static func databaseValue(_ cell: String?, _ kind: TableRows.Kind, table: String, column: String) throws
        -> DatabaseValue {
        guard let cell else { return .null }
        switch kind {
        case .text: return cell.databaseValue
        case .integer:
            guard let n = Int64(cell) else {
                throw StoreError.database(path: ":memory:", message: "\(table).\(column): \(cell) is not a whole number")
            }
            return n.databaseValue
        case .flag:
            switch cell {
            case "true": return 1.databaseValue
            case "false": return 0.databaseValue
            default: throw StoreError.database(path: ":memory:", message: "\(table).\(column): \(cell) is not a flag")
            }
        }
    }
}

import GRDB

/// Which columns a `RowReader` reads and where they are in the rows of one query: looked up
/// once per query instead of once per row.
struct RowLayout: Sendable {
    let table: String
    /// The columns in the order their readers number them (`string(at: 0)` is the first).
    let columns: [String]
    /// Where each of `columns` is in the row; nil for a column the row does not have.
    let positions: [Int?]
    /// Positions in the row of the columns that identify it in error messages (`P-01 2025-03`).
    let key: [Int?]

    /// The layout of `SELECT columns… FROM table`: each column where the list puts it.
    init(table: String, columns: [String], key: [String]) {
        self.init(table: table, columns: columns, positions: Array(columns.indices),
                  key: key.map { columns.lastIndex(of: $0) })
    }

    /// The layout of rows that hold `columns` at `positions` and their key at `key`.
    init(table: String, columns: [String], positions: [Int?], key: [Int?]) {
        precondition(positions.count == columns.count, "one position per column")
        self.table = table
        self.columns = columns
        self.positions = positions
        self.key = key
    }

    /// `SELECT` of the layout's columns from its table, in `order`.
    func selectAll(orderedBy order: [String]) -> String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order.joined(separator: ", "))"
    }

    /// Every row of the layout's table in `order`, each made into a value by `decode`.
    func fetchAll<Value>(_ db: Database, orderedBy order: [String],
                         _ decode: (RowReader) throws -> Value) throws -> [Value] {
        let statement = try db.makeStatement(sql: selectAll(orderedBy: order))
        let rows = try Row.fetchCursor(statement)
        var values: [Value] = []
        // Room for all at once: growing step by step would copy the values again and again.
        values.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
        while try rows.next() != nil {
            values.append(try decode(RowReader(current: statement, layout: self)))
        }
        return values
    }
}
